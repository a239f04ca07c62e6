import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { INVITE_SCENE_KEY, parseScene } from '../../../core/scene';
import type { MemberView } from '../../../types/contracts/member';
import type { ErrorCode } from '../../../types/errors';
import { INVITE_CODE_PATTERN, PARTY_STATUSES, PARTY_STATUS_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Section } from '../../components/Section';
import { Skeleton } from '../../components/Skeleton';
import { readAfterJoin } from '../../services/afterJoin';
import { callFunction } from '../../services/cloud';
import { useCloud } from '../../services/useCloud';
import { goToTab } from '../../utils/tabs';
import './index.css';
import { toast } from '../../utils/toast';
import { FieldErrorLine } from '../../components/FormParts';

/** Han characters, Latin letters, spaces and the middle dot, as the server's personNameSchema allows. */
const NAME_PATTERN = /^[\u3400-\u4dbf\u4e00-\u9fffA-Za-z·・ ]+$/;
const PARTY_STATUS_RANGE = PARTY_STATUSES.map((status) => PARTY_STATUS_LABELS[status]);

/**
 * A share card opens `pages/join/index?code=XXXXXXXX`; a scanned wxacode carries the code in `scene`
 * (URL-encoded, `c=XXXXXXXX`, within the 32-character limit). Returns '' when neither holds one.
 */
export function readInviteCode(params: Record<string, string | undefined>): string {
  const raw = params.code || (params.scene ? parseScene(params.scene)[INVITE_SCENE_KEY] : undefined) || '';
  const code = raw.trim().toUpperCase();
  return INVITE_CODE_PATTERN.test(code) ? code : '';
}

type FailureCode = Extract<ErrorCode, 'EXPIRED' | 'FULL' | 'NOT_FOUND' | 'DUPLICATE'>;
const FULL_PAGE_FAILURES: readonly ErrorCode[] = ['EXPIRED', 'FULL', 'NOT_FOUND', 'DUPLICATE'];

const FAILURE_COPY: Record<FailureCode, { title: string; text: string }> = {
  EXPIRED: {
    title: '邀请已过期',
    text: '这份邀请已超过有效期。请联系支部书记在「我的 › 支部管理 › 邀请入党组织」重新生成邀请，再点开新的邀请链接或扫描新的二维码。',
  },
  FULL: {
    title: '邀请名额已用完',
    text: '这份邀请可加入的人数已满。请联系支部书记重新生成一份邀请，再点开新的邀请。',
  },
  NOT_FOUND: {
    title: '邀请无效',
    text: '没有找到这份邀请，链接可能不完整或已被删除。请向支部书记确认后，重新点开群里的邀请卡片或扫描二维码。',
  },
  DUPLICATE: {
    title: '你已提交过申请',
    text: '无需重复提交。可以查看你的申请状态。',
  },
};

interface StatePanelProps {
  tone: 'ok' | 'wait' | 'problem';
  title: string;
  text: string;
  action?: { label: string; onClick: () => void };
  secondary?: { label: string; onClick: () => void };
}

function StatePanel({ tone, title, text, action, secondary }: StatePanelProps) {
  const icon = tone === 'ok' ? '✓' : tone === 'wait' ? '…' : '!';
  return (
    <View className={`join-state join-state--${tone}`} role={tone === 'problem' ? 'alert' : 'status'}>
      <Text className='join-state__icon'>{icon}</Text>
      <Text className='join-state__title'>{title}</Text>
      <Text className='join-state__text'>{text}</Text>
      {action ? <ActionButton onClick={action.onClick}>{action.label}</ActionButton> : null}
      {secondary ? (
        <View className='join-state__secondary'>
          <ActionButton variant='plain' onClick={secondary.onClick}>
            {secondary.label}
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}

const goHome = () => goToTab('home');

function MemberState({ member }: { member: MemberView }) {
  // Someone who came from a shared activity is offered the way back to it first.
  const afterJoin = readAfterJoin();
  const backToActivity = afterJoin
    ? { label: `回到活动「${afterJoin.title}」`, onClick: () => void Taro.redirectTo({ url: afterJoin.url }) }
    : undefined;
  if (member.status === 'active') {
    return (
      <StatePanel
        tone='ok'
        title={`已加入 ${member.branchName}`}
        text='现在可以报名支部活动、参加知识竞赛和投稿了。'
        action={backToActivity ?? { label: '进入首页', onClick: goHome }}
        secondary={backToActivity ? { label: '进入首页', onClick: goHome } : undefined}
      />
    );
  }
  return (
    <StatePanel
      tone='wait'
      title='已提交，等待支部书记审核'
      text={`你申请加入「${member.branchName}」。支部书记审核通过后即可参加支部的学习活动，届时打开红途即可看到。`}
      action={backToActivity}
      secondary={{ label: '返回首页', onClick: goHome }}
    />
  );
}

interface Draft {
  name: string;
  partyIndex: number | null;
  phoneTail: string;
}
type FieldErrors = Partial<Record<'name' | 'partyStatus' | 'phoneTail', string>>;

function validate(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (name.length < 2 || name.length > 20) errors.name = '请填写 2–20 个字的真实姓名';
  else if (!NAME_PATTERN.test(name)) errors.name = '姓名只能包含汉字或字母';
  if (draft.partyIndex === null) errors.partyStatus = '请选择政治面貌';
  const tail = draft.phoneTail.trim();
  if (tail && !/^\d{4}$/.test(tail)) errors.phoneTail = '请填写手机号后 4 位数字，或留空';
  return errors;
}

interface JoinFormProps {
  code: string;
  note?: string;
  onSubmitted: (member: MemberView) => void;
  onFailed: (code: FailureCode, message: string) => void;
  onNeedsConsent: () => void;
}

function JoinForm({ code, note, onSubmitted, onFailed, onNeedsConsent }: JoinFormProps) {
  const [draft, setDraft] = useState<Draft>({ name: '', partyIndex: null, phoneTail: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  const update = (patch: Partial<Draft>, field: keyof FieldErrors) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const submit = async () => {
    const problems = validate(draft);
    setErrors(problems);
    const partyStatus = draft.partyIndex === null ? undefined : PARTY_STATUSES[draft.partyIndex];
    if (Object.keys(problems).length > 0 || !partyStatus) return;
    const tail = draft.phoneTail.trim();
    setSubmitting(true);
    const result = await callFunction(
      'member',
      'join',
      {
        code,
        name: draft.name.trim(),
        partyStatus,
        ...(tail ? { phoneTail: tail } : {}),
      },
      { silentError: true },
    );
    setSubmitting(false);
    if (result.ok) {
      onSubmitted(result.data.member);
      return;
    }
    const { code: errorCode, message, field } = result.error;
    if (FULL_PAGE_FAILURES.includes(errorCode)) onFailed(errorCode as FailureCode, message);
    else if (errorCode === 'FORBIDDEN') onNeedsConsent();
    else if (errorCode === 'INVALID_INPUT' && (field === 'name' || field === 'phoneTail' || field === 'partyStatus')) {
      setErrors({ [field]: message });
    } else toast(message);
  };

  return (
    <Section title='填写入党组织登记' status='ready'>
      <View className='ht-form'>
        {note ? <Text className='ht-form__note'>{note}</Text> : null}
        <View className={`ht-field${errors.name ? ' ht-field--error' : ''}`}>
          <Text className='ht-field__label'>姓名</Text>
          <Input
            className='ht-input'
            name='name'
            value={draft.name}
            maxlength={20}
            placeholder='与组织关系档案一致的真实姓名'
            onInput={(event) => update({ name: event.detail.value }, 'name')}
          />
          <FieldErrorLine message={errors.name} />
        </View>
        <View className={`ht-field${errors.partyStatus ? ' ht-field--error' : ''}`}>
          <Text className='ht-field__label'>政治面貌</Text>
          <Picker
            mode='selector'
            name='partyStatus'
            range={PARTY_STATUS_RANGE}
            value={draft.partyIndex ?? 0}
            onChange={(event) => update({ partyIndex: Number(event.detail.value) }, 'partyStatus')}
          >
            <View className='ht-input'>{draft.partyIndex === null ? '请选择' : PARTY_STATUS_RANGE[draft.partyIndex]}</View>
          </Picker>
          <FieldErrorLine message={errors.partyStatus} />
        </View>
        <View className={`ht-field${errors.phoneTail ? ' ht-field--error' : ''}`}>
          <Text className='ht-field__label'>手机号后四位（选填）</Text>
          <Input
            className='ht-input'
            name='phoneTail'
            type='number'
            value={draft.phoneTail}
            maxlength={4}
            placeholder='便于书记核对同名同志'
            onInput={(event) => update({ phoneTail: event.detail.value }, 'phoneTail')}
          />
          <FieldErrorLine message={errors.phoneTail} />
        </View>
        <Text className='ht-form__note'>只收集以上信息，用于支部书记核对身份。提交后由支部书记审核。</Text>
        <ActionButton loading={submitting} onClick={() => void submit()}>
          提交申请
        </ActionButton>
      </View>
    </Section>
  );
}

type Outcome = { kind: 'submitted'; member: MemberView } | { kind: 'failed'; code: FailureCode; message: string };

function JoinContent() {
  const { params } = useRouter();
  const code = readInviteCode(params);
  const me = useCloud('member', 'me', {});
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const showStatus = () => {
    setOutcome(null);
    me.reload();
  };

  let body;
  if (outcome?.kind === 'submitted') body = <MemberState member={outcome.member} />;
  else if (outcome?.kind === 'failed') {
    const copy = FAILURE_COPY[outcome.code];
    body =
      outcome.code === 'DUPLICATE' ? (
        <StatePanel
          tone='wait'
          title={copy.title}
          text={`${outcome.message}。${copy.text}`}
          action={{ label: '查看我的状态', onClick: showStatus }}
        />
      ) : (
        <StatePanel tone='problem' title={copy.title} text={copy.text} action={{ label: '返回首页', onClick: goHome }} />
      );
  } else if (me.status === 'loading') {
    body = (
      <View className='ht-card'>
        <Skeleton rows={3} />
      </View>
    );
  } else if (me.status === 'error' || !me.data) {
    body = (
      <View className='ht-card'>
        <ErrorState message={me.error?.message ?? '加载失败'} onRetry={me.reload} />
      </View>
    );
  } else {
    const { privacyAccepted, privacyVersion, member } = me.data;
    if (member && (member.status === 'active' || member.status === 'pending')) body = <MemberState member={member} />;
    else if (!code) {
      body = (
        <StatePanel
          tone='problem'
          title='邀请链接不完整'
          text={FAILURE_COPY.NOT_FOUND.text}
          action={{ label: '返回首页', onClick: goHome }}
        />
      );
    } else if (!privacyAccepted) {
      body = (
        <>
          <View className='join-intro'>
            <Text className='join-intro__title'>你收到一份入党组织邀请</Text>
            <Text className='join-intro__text'>请先阅读个人信息保护指引，同意后填写登记信息。邀请码 {code}</Text>
          </View>
          <PrivacyConsent privacyVersion={privacyVersion} onAccepted={me.reload} />
        </>
      );
    } else {
      let note: string | undefined;
      if (member?.status === 'rejected') note = '你上次的申请未获通过，可以核对信息后重新提交。';
      else if (member?.status === 'left') note = `你已退出「${member.branchName}」，可以通过这份邀请重新申请。`;
      body = (
        <JoinForm
          code={code}
          note={note}
          onSubmitted={(joined) => setOutcome({ kind: 'submitted', member: joined })}
          onFailed={(failure, message) => setOutcome({ kind: 'failed', code: failure, message })}
          onNeedsConsent={me.reload}
        />
      );
    }
  }

  return <View className='ht-page__body'>{body}</View>;
}

export default function JoinPage() {
  return (
    <PageShell>
      <JoinContent />
    </PageShell>
  );
}
