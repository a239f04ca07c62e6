import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useCallback } from 'react';
import type { ActionOutput } from '../../../types/contracts';
import { Empty } from '../../components/Empty';
import { ManagerGate } from '../../components/ManagerGate';
import { ListFooter } from '../../components/ListFooter';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { formatDateTime } from '../../utils/format';
import { auditActionLabel, auditDetailLines } from './labels';
import '../admin.css';

const PAGE_SIZE = 20;
type AuditEntry = ActionOutput<'member', 'auditLog'>['items'][number];

function AuditRow({ entry }: { entry: AuditEntry }) {
  const label = auditActionLabel(entry.action);
  return (
    <View className='ht-cell admin-audit__entry' aria-label={label}>
      <View className='ht-cell__main'>
        <Text className='ht-cell__title'>{label}</Text>
        {auditDetailLines(entry.action, entry.detail).map((line) => (
          <Text key={line} className='ht-cell__description admin-audit__line'>
            {line}
          </Text>
        ))}
        <Text className='ht-cell__description admin-audit__line'>
          {entry.actorName || '已注销用户'} · {formatDateTime(entry.at)}
        </Text>
      </View>
    </View>
  );
}

/** Newest first, a page at a time as the list scrolls. */
function AuditList() {
  const fetchPage = useCallback(
    (cursor?: string) => callFunction('member', 'auditLog', { pageSize: PAGE_SIZE, cursor }, { silentError: cursor === undefined }),
    [],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(list.loadMore);
  return (
    <Section
      title='操作记录'
      status={list.status}
      isEmpty={list.items.length === 0}
      emptyTitle='还没有操作记录'
      errorMessage={list.error?.message}
      onRetry={() => void list.reload()}
      skeletonRows={6}
    >
      {list.items.map((entry) => (
        <AuditRow key={entry.id} entry={entry} />
      ))}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} loadMore={list.loadMore} />
    </Section>
  );
}

export default function AuditLogPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <ManagerGate deniedDescription='操作记录只有组织部可以查看'>
          {(manager) =>
            manager.role === 'org_admin' ? (
              <AuditList />
            ) : (
              <View className='ht-section'>
                <Empty title='仅组织部可以查看操作记录' description='支部书记的操作同样记入，由组织部查阅' />
              </View>
            )
          }
        </ManagerGate>
      </View>
    </PageShell>
  );
}
