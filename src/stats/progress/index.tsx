import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyProgress, ProgrammeView } from '../../../types/contracts/stats';
import { ActionButton } from '../../components/ActionButton';
import { Cell } from '../../components/Cell';
import { MembershipGate } from '../../components/MembershipGate';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { useMembership } from '../../services/membership';
import { askForStudyReminder } from '../../services/reminder';
import { useCloud } from '../../services/useCloud';
import { useReloadOnShow } from '../../services/useReloadOnShow';
import { formatMonthDay } from '../../utils/format';
import { toast } from '../../utils/toast';
import { hours, rateOf } from '../format';
import { itemActions } from '../itemActions';
import { AsOfLine, Loaded, NoProgramme, RateBar } from '../parts';
import { ledgerUrl } from '../routes';
import '../stats.css';

type ProgressItem = MyProgress['items'][number];

function ItemRow({ item, programme }: { item: ProgressItem; programme: ProgrammeView }) {
  const configured = programme.items.find((candidate) => candidate.key === item.key);
  const actions = !item.done && !item.pendingReport && configured ? itemActions(programme.id, configured) : [];
  return (
    <View className='stats-item' role='group' aria-label={item.title}>
      <View className='stats-item__head'>
        <Text className={`stats-item__mark${item.done ? ' stats-item__mark--done' : ''}`}>{item.done ? '✓' : ''}</Text>
        <Text className='stats-item__title'>{item.title}</Text>
        {item.done ? <Tag text='已完成' /> : item.pendingReport ? <Tag tone='grey' text='待书记确认' /> : null}
      </View>
      {item.perMember && !item.done ? <Text className='stats-item__description'>{item.perMember}</Text> : null}
      {item.evidence ? (
        <Text className='stats-item__evidence'>
          {item.evidence.label} · {formatMonthDay(item.evidence.at)}
        </Text>
      ) : null}
      {actions.length > 0 ? (
        <View className='stats-item__actions'>
          {actions.map((action) => (
            <ActionButton key={action.label} size='small' variant='plain' onClick={action.open}>
              {action.label}
            </ActionButton>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function StudyHours({ progress }: { progress: MyProgress }) {
  const { studyHours, studyHoursTarget } = progress;
  if (studyHoursTarget === null) return <Cell title='学时' value={`${hours(studyHours)} 学时`} />;
  return (
    <View className='stats-card-row'>
      <RateBar label='学时' detail={`${hours(studyHours)} / ${hours(studyHoursTarget)} 学时`} rate={rateOf(studyHours, studyHoursTarget)} />
    </View>
  );
}

/**
 * WeChat lets a secretary's 提醒 reach a member only for a template the member accepted, one message
 * per acceptance; the tap has to be the member's own, so it is offered here (weapp only: H5 has no such messages).
 */
function StudyReminderCell() {
  const accept = () => {
    void askForStudyReminder().then((accepted) => toast(accepted ? '已开启，书记提醒时会通过服务通知告诉你' : '未开启提醒'));
  };
  return <Cell title='接收完成提醒' description='支部书记提醒时，通过微信服务通知告诉你还差哪几项' onClick={accept} />;
}

function ProgressView({ progress, programme }: { progress: MyProgress; programme: ProgrammeView }) {
  return (
    <>
      <View className='ht-card stats-headline'>
        <Text className='ht-card__title'>{programme.title}</Text>
        <Text className='stats-headline__count'>
          已完成 {progress.doneCount}/{progress.items.length}
        </Text>
        <AsOfLine asOf={progress.asOf} />
      </View>
      <Section title='我的六个一' status='ready'>
        {progress.items.map((item) => (
          <ItemRow key={item.key} item={item} programme={programme} />
        ))}
      </Section>
      <Section title='学时与积分' status='ready'>
        <StudyHours progress={progress} />
        <Cell
          title='积分'
          description='每一分都写明来自哪条规则'
          value={`${progress.points} 分`}
          onClick={() => void Taro.navigateTo({ url: ledgerUrl(programme.id) })}
        />
        {process.env.TARO_ENV === 'weapp' ? <StudyReminderCell /> : null}
      </Section>
    </>
  );
}

function MyProgressContent() {
  const progress = useCloud('stats', 'myProgress', {});
  // Back from a 自报 or a new work: the pending mark and the numbers may have moved.
  useReloadOnShow(progress.reload);
  return (
    <Loaded state={progress}>
      {(data) =>
        data.programme ? (
          <ProgressView progress={data} programme={data.programme} />
        ) : (
          <NoProgramme description='组织部发布“六个一”等学习活动方案后，你的完成情况会显示在这里' />
        )
      }
    </Loaded>
  );
}

export default function MyProgressPage() {
  const membership = useMembership();
  return (
    <PageShell>
      <View className='ht-page__body'>
        <MembershipGate state={membership}>{() => <MyProgressContent />}</MembershipGate>
      </View>
    </PageShell>
  );
}
