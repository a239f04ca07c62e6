import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionOutput } from '../../../types/contracts';
import { ActionButton } from '../../components/ActionButton';
import { ReasonField, useReasonField } from '../../components/FormParts';
import { PagedSection } from '../../components/PagedSection';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { formatDateTime } from '../../utils/format';
import { toast } from '../../utils/toast';
import { ITEM_SHORT_LABELS } from '../labels';

const PAGE_SIZE = 10;

type PendingReport = ActionOutput<'stats', 'reportQueue'>['items'][number];

function fetchQueuePage(cursor?: string) {
  return callFunction('stats', 'reportQueue', { pageSize: PAGE_SIZE, cursor }, { silentError: cursor === undefined });
}

/** A book or film in 书名号, whether or not the member typed them. */
function bookTitle(title: string): string {
  return title.startsWith('《') ? title : `《${title}》`;
}

/** One report: 确认 counts it at once; 退回 asks why, and the member reads the reason. */
function ReportCard({ report, onSettled }: { report: PendingReport; onSettled: () => void }) {
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const reason = useReasonField('请写明退回原因，党员会看到');

  const settle = async (accept: boolean) => {
    const why = accept ? '' : reason.checked();
    if (why === null) return;
    setBusy(true);
    const result = await callFunction('stats', 'confirmReport', { id: report.id, accept, reason: why });
    setBusy(false);
    if (!result.ok) return;
    toast(result.data.status === 'confirmed' ? '已确认' : '已退回', 'success');
    onSettled();
  };

  return (
    <View className='stats-report-card' role='group' aria-label={`${report.memberName}的自报`}>
      <View className='stats-report-card__head'>
        <Text className='stats-report-card__name'>{report.memberName}</Text>
        <Text className='stats-report-card__item'>{ITEM_SHORT_LABELS[report.item]}</Text>
      </View>
      <Text className='stats-report-card__title'>{bookTitle(report.title)}</Text>
      {report.note ? <Text className='stats-report-card__note'>{report.note}</Text> : null}
      {report.photoUrl ? (
        <Image className='stats-report-card__photo' src={report.photoUrl} mode='aspectFill' ariaLabel={`${report.title} 的照片`} />
      ) : null}
      <Text className='stats-report-card__meta'>{formatDateTime(report.reportedAt)} 提交</Text>
      {declining ? <ReasonField label='退回原因' name={`reason-${report.id}`} placeholder='如：照片看不清书名' {...reason.field} /> : null}
      <View className='stats-report-card__actions'>
        {declining ? (
          <>
            <ActionButton size='small' variant='plain' disabled={busy} onClick={() => setDeclining(false)}>
              取消
            </ActionButton>
            <ActionButton size='small' loading={busy} onClick={() => void settle(false)}>
              确认退回
            </ActionButton>
          </>
        ) : (
          <>
            <ActionButton size='small' variant='plain' disabled={busy} onClick={() => setDeclining(true)}>
              退回
            </ActionButton>
            <ActionButton size='small' loading={busy} onClick={() => void settle(true)}>
              确认
            </ActionButton>
          </>
        )}
      </View>
    </View>
  );
}

/** 待确认自报: the branch's 读书 / 观影 reports (org admins: every branch's), oldest first. */
export function ReportQueue() {
  const list = usePagedList(fetchQueuePage);
  return (
    <PagedSection
      list={list}
      title='待确认的自报'
      emptyTitle='没有待确认的自报'
      emptyDescription='党员自报读书、观影后会出现在这里，确认后计入“六个一”'
      skeletonRows={2}
      itemKey={(report) => report.id}
      renderItem={(report) => <ReportCard report={report} onSettled={() => void list.reload()} />}
    />
  );
}
