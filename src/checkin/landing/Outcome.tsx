import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ErrorCode } from '../../../types/errors';
import type { AppError } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { JoinGuide } from '../../components/JoinGuide';
import { Tag } from '../../components/Tag';
import type { ScanOutput } from '../../services/checkinQueue';
import { QUEUED_NOTICE } from '../../services/checkinQueue';
import { formatDateTime } from '../../utils/format';

/** What became of a scan, as the landing page shows it. */
export type ScanOutcome =
  | { kind: 'done'; output: ScanOutput }
  | { kind: 'duplicate'; message: string }
  | { kind: 'refused'; error: AppError }
  | { kind: 'notMember' }
  | { kind: 'queued'; scannedAt: string }
  | { kind: 'noLocation' };

export interface OutcomeAction {
  label: string;
  onClick: () => void;
  variant?: 'primary' | 'plain';
}

/** What the member can do next after each refusal; the server's message says why. */
const NEXT_STEP: Partial<Record<ErrorCode, string>> = {
  FORBIDDEN: '如果你就在现场，请打开手机定位、走近签到点后重试；如有疑问请联系活动组织者。',
  CLOSED: '请在签到时间内扫码；错过了可请组织者补录。',
  EXPIRED: '签到码每 10 秒更换一次，请重新扫描屏幕上的签到码。',
  INVALID_INPUT: '请重新扫码，或输入组织者给出的签到码。',
  RATE_LIMITED: '请稍后再试，或请组织者扫描你的个人签到码。',
  NOT_FOUND: '请先扫描签到码完成签到。',
};

function Panel({
  tone,
  title,
  children,
  actions,
}: {
  tone: 'ok' | 'wait' | 'problem';
  title: string;
  children: ReactNode;
  actions: OutcomeAction[];
}) {
  return (
    <View className={`landing-outcome landing-outcome--${tone}`} role={tone === 'problem' ? 'alert' : 'status'}>
      <Text className='landing-outcome__icon'>{tone === 'ok' ? '✓' : tone === 'wait' ? '…' : '!'}</Text>
      <Text className='landing-outcome__title'>{title}</Text>
      {children}
      <View className='landing-outcome__actions'>
        {actions.map((action) => (
          <ActionButton key={action.label} variant={action.variant ?? 'plain'} onClick={action.onClick}>
            {action.label}
          </ActionButton>
        ))}
      </View>
    </View>
  );
}

function Line({ children }: { children: ReactNode }) {
  return <Text className='landing-outcome__line'>{children}</Text>;
}

function Success({ output, actions }: { output: ScanOutput; actions: OutcomeAction[] }) {
  const { checkin, outcome } = output;
  const out = outcome === 'checkedOut';
  const at = out && checkin.checkedOutAt ? checkin.checkedOutAt : checkin.checkedInAt;
  return (
    <Panel tone='ok' title={out ? '签退成功' : '签到成功'} actions={actions}>
      <Text className='landing-outcome__place'>{checkin.placeName}</Text>
      <Line>{formatDateTime(at)}</Line>
      {out && checkin.studyHours !== null ? (
        <Text className='landing-outcome__hours'>
          获得 {checkin.studyHours} 学时{checkin.presentMinutes !== null ? `（在场 ${checkin.presentMinutes} 分钟）` : ''}
        </Text>
      ) : null}
      {checkin.distanceM !== null ? <Line>距签到点 {checkin.distanceM} 米</Line> : null}
      {checkin.offline ? <Tag text='离线补传' tone='grey' /> : null}
    </Panel>
  );
}

/** The big, plain answer to "did my scan count?", with what to do next. */
export function Outcome({ outcome, actions }: { outcome: ScanOutcome; actions: OutcomeAction[] }) {
  switch (outcome.kind) {
    case 'done':
      return <Success output={outcome.output} actions={actions} />;
    case 'duplicate':
      // Already done is good news for the member, not a failure.
      return (
        <Panel tone='ok' title={outcome.message.includes('签退') ? '已签退' : '已签到'} actions={actions}>
          <Line>{outcome.message}</Line>
          <Line>无需重复扫码。</Line>
        </Panel>
      );
    case 'notMember':
      return (
        <Panel tone='problem' title='加入党支部后才能签到' actions={actions}>
          <JoinGuide />
        </Panel>
      );
    case 'queued':
      return (
        <Panel tone='wait' title='已暂存' actions={actions}>
          <Line>{QUEUED_NOTICE}</Line>
          <Line>扫码时间 {formatDateTime(outcome.scannedAt)}</Line>
        </Panel>
      );
    case 'noLocation':
      return (
        <Panel tone='problem' title='需要位置才能打卡' actions={actions}>
          <Line>基地打卡要核对你是否在现场。请允许「红途」使用位置信息后重试。</Line>
        </Panel>
      );
    case 'refused':
      return (
        <Panel tone='problem' title='未能签到' actions={actions}>
          <Text className='landing-outcome__reason'>{outcome.error.message}</Text>
          {NEXT_STEP[outcome.error.code] ? <Line>{NEXT_STEP[outcome.error.code]}</Line> : null}
        </Panel>
      );
  }
}
