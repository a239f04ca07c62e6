import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ComponentType } from 'react';
import { PARTY_STATUS_LABELS, ROLE_LABELS } from '../../../types/labels';
import { Cell } from '../../components/Cell';
import { JoinHint } from '../../components/JoinHint';
import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Section } from '../../components/Section';
import { setLargeFont, useLargeFont } from '../../services/largeFont';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { formatDate } from '../../utils/format';
import './index.css';

/* Local-demo only; the constant branch keeps it out of the weapp bundle (see PageShell). */
const DemoIdentityCell: ComponentType | null =
  process.env.TARO_ENV === 'h5' ? require('../../components/IdentityGate').DemoIdentityCell : null;

/** 组织部工作台: only org admins see it; the functions check the role again on every call. */
function AdminWorkbench() {
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <Section title='组织部工作台' status='ready'>
      <Cell title='题库管理' description='查看题库，下载模板并批量导入题目' onClick={() => open('/admin/bank/index')} />
      <Cell title='新建竞赛' description='设置时间、抽题规则和计分方式' onClick={() => open('/admin/contest/index')} />
    </Section>
  );
}

function Profile() {
  const me = useCloud('member', 'me', {});
  useReloadOnShow(me.reload);

  if (me.status === 'ready' && me.data && !me.data.privacyAccepted) {
    return <PrivacyConsent privacyVersion={me.data.privacyVersion} onAccepted={me.reload} />;
  }
  if (me.status === 'ready' && me.data && !me.data.member) return <JoinHint />;

  const member = me.data?.member;
  return (
    <>
      <Section
        title='个人信息'
        status={me.status}
        errorMessage={me.error?.message}
        onRetry={me.reload}
        skeletonRows={2}
      >
        {member ? (
          <View>
            <View className='me-profile'>
              <Text className='me-profile__name'>{member.name}</Text>
              <Text className='me-profile__branch'>{member.branchName}</Text>
            </View>
            <Cell title='角色' value={ROLE_LABELS[member.role]} />
            <Cell title='政治面貌' value={PARTY_STATUS_LABELS[member.partyStatus]} />
            <Cell title='加入时间' value={formatDate(member.joinedAt)} />
          </View>
        ) : null}
      </Section>
      {member?.role === 'org_admin' ? <AdminWorkbench /> : null}
    </>
  );
}

function Settings() {
  const largeFont = useLargeFont();
  return (
    <Section title='设置' status='ready'>
      <Cell
        title='大字模式（适老化）'
        description='放大全部文字和按钮'
        value={
          <Switch
            checked={largeFont}
            color='#C8161D'
            aria-label='大字模式'
            onChange={(event) => setLargeFont(event.detail.value)}
          />
        }
      />
      {DemoIdentityCell ? <DemoIdentityCell /> : null}
    </Section>
  );
}

function MeContent() {
  return (
    <View className='ht-page__body'>
      <Profile />
      <Settings />
    </View>
  );
}

export default function MePage() {
  return (
    <PageShell>
      <MeContent />
    </PageShell>
  );
}
