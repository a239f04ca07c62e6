import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MemberView } from '../../types/contracts/member';
import { joinUrl, scanInvite } from '../services/invite';
import { ActionButton } from './ActionButton';
import { InviteCodeEntry } from './InviteCodeEntry';

/** The first org admin's page (admin subpackage), for a newly deployed environment without members. */
const BOOTSTRAP_URL = '/admin/bootstrap/index';

/** Why someone with a profile is outside again, and that an invite is the way back (the guide and the join form say it). */
export function formerNote(former: MemberView | null): string | null {
  switch (former?.status) {
    case 'rejected':
      return '你上次的申请未获通过，可以核对信息后凭邀请重新申请。';
    case 'withdrawn':
      return '你撤回过申请，可以凭邀请重新申请。';
    case 'left':
      return `你已不在「${former.branchName}」，可以凭邀请重新申请加入。`;
    default:
      return null;
  }
}

interface JoinGuideProps {
  /** The caller's earlier profile when there is one (rejected, withdrawn, left). */
  former?: MemberView | null;
}

/**
 * The one way in for someone who does not belong to a branch: every tab shows this instead of
 * sections that would only be refused. A branch admits people by invitation, so each way starts
 * from something the secretary shared.
 */
export function JoinGuide({ former = null }: JoinGuideProps) {
  const note = formerNote(former);
  const canScan = process.env.TARO_ENV !== 'h5';
  return (
    <View className='ht-card ht-join-guide'>
      <Text className='ht-card__title'>加入党支部</Text>
      <Text className='ht-card__text'>
        加入党支部后，可以报名支部活动、参加知识竞赛和每日一练、扫码签到。加入需要支部书记的邀请，任选一种方式：
      </Text>
      {note ? <Text className='ht-form__note'>{note}</Text> : null}
      <Text className='ht-card__text ht-join-guide__way'>1. 点开支部群里书记分享的「邀请你加入…」卡片</Text>
      <Text className='ht-card__text ht-join-guide__way'>
        {canScan ? '2. 扫描书记出示的邀请二维码' : '2. 用微信扫描书记出示的邀请二维码'}
      </Text>
      <Text className='ht-card__text ht-join-guide__way'>3. 输入书记告诉你的 8 位邀请码</Text>
      {canScan ? (
        <ActionButton variant='plain' onClick={() => void scanInvite()}>
          扫一扫邀请二维码
        </ActionButton>
      ) : null}
      <InviteCodeEntry onCode={(code) => void Taro.navigateTo({ url: joinUrl(code) })} />
      <ActionButton variant='plain' onClick={() => void Taro.navigateTo({ url: BOOTSTRAP_URL })}>
        组织部首次使用：用部署引导码初始化组织
      </ActionButton>
    </View>
  );
}
