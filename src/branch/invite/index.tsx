import { Button, Image, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ActionOutput } from '../../../types/contracts';
import type { MemberView } from '../../../types/contracts/member';
import { BranchListPending } from '../../components/BranchListPending';
import { ActionButton } from '../../components/ActionButton';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { callFunction } from '../../services/cloud';
import { formatDateTime } from '../../utils/format';
import { copyText, h5Link, useShareMessage } from '../../utils/share';
import { layoutInviteCard } from '../../utils/shareCard';
import { useDrawnCard } from '../../utils/useDrawnCard';
import { useOrgBranches } from '../../services/orgBranches';
import { ManagerGate } from '../common';
import '../branch.css';
import { FieldErrorLine } from '../../components/FormParts';

type Invite = ActionOutput<'member', 'createInvite'>;

const EXPIRY_OPTIONS = [
  { label: '1 天', hours: 24 },
  { label: '3 天', hours: 72 },
  { label: '7 天', hours: 24 * 7 },
  { label: '30 天', hours: 24 * 30 },
];
const USES_OPTIONS = [10, 30, 50, 100, 200, 500];
const DEFAULT_EXPIRY = 2;
const DEFAULT_USES = 2;

export function shareTitle(branchName: string): string {
  return `邀请你加入「${branchName}」`;
}

/** The 5:4 share card, drawn once per invite. */
function useInviteCardImage(invite: Invite | null): string | null {
  return useDrawnCard(invite?.code ?? null, (measure) =>
    invite
      ? layoutInviteCard(
          { branchName: invite.branchName, code: invite.code, expiresAt: formatDateTime(invite.expiresAt), maxUses: invite.maxUses },
          measure,
        )
      : [],
  );
}

type QrState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; url: string };

function InviteQrCode({ code }: { code: string }) {
  const [state, setState] = useState<QrState>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const result = await callFunction('member', 'inviteQrCode', { code }, { silentError: true });
    setState(result.ok ? { status: 'ready', url: result.data.url } : { status: 'error' });
  }, [code]);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') {
    return <View className='branch-invite__qr branch-invite__qr--placeholder' aria-busy='true' aria-label='小程序码生成中' />;
  }
  if (state.status === 'error') {
    return (
      <View className='branch-invite__qr branch-invite__qr--placeholder' onClick={() => void load()}>
        <Text className='branch-invite__qr-retry'>小程序码生成失败，点此重试</Text>
      </View>
    );
  }
  return (
    <Image
      className='branch-invite__qr'
      src={state.url}
      showMenuByLongpress
      ariaLabel='邀请小程序码'
      onClick={() => void Taro.previewImage({ urls: [state.url], current: state.url })}
    />
  );
}

function InviteCard({ invite, cardImage, onAnother }: { invite: Invite; cardImage: string | null; onAnother: () => void }) {
  const isH5 = process.env.TARO_ENV === 'h5';
  return (
    <View className='branch-invite' aria-label='邀请'>
      <Text className='branch-invite__branch'>{invite.branchName}</Text>
      <Text className='branch-invite__label'>邀请码</Text>
      <Text className='branch-invite__code' selectable userSelect>
        {invite.code}
      </Text>
      <View className='branch-invite__facts'>
        <Text className='branch-invite__fact'>有效期至 {formatDateTime(invite.expiresAt)}</Text>
        <Text className='branch-invite__fact'>
          已使用 {invite.uses} / {invite.maxUses} 人
        </Text>
      </View>
      {isH5 ? (
        <View className='branch-invite__link'>
          <Text className='branch-invite__link-text' selectable userSelect>
            {h5Link(invite.path)}
          </Text>
          <ActionButton onClick={() => copyText(h5Link(invite.path), '链接已复制，可粘贴到支部群')}>复制邀请链接</ActionButton>
        </View>
      ) : (
        <Button className='ht-button ht-button--primary' openType='share'>
          分享到群
        </Button>
      )}
      <View className='branch-invite__scan'>
        <InviteQrCode code={invite.code} />
        <Text className='branch-invite__caption'>现场扫码加入 · 点开放大，长按可保存或转发</Text>
      </View>
      {cardImage ? (
        <View className='branch-invite__preview'>
          <Text className='branch-invite__caption'>群聊中看到的卡片</Text>
          <Image className='branch-invite__card' src={cardImage} ariaLabel='分享卡片预览' />
        </View>
      ) : null}
      <Text className='branch-invite__tip'>
        收到邀请的同志点开后，同意个人信息保护指引并填写姓名和政治面貌，提交后在「待审批」中批准即可。
      </Text>
      <View className='branch-invite__more'>
        <ActionButton variant='plain' size='small' onClick={() => copyText(invite.code, '邀请码已复制')}>
          复制邀请码
        </ActionButton>
        <ActionButton variant='plain' size='small' onClick={onAnother}>
          重新生成
        </ActionButton>
      </View>
    </View>
  );
}

function BranchChoice({ value, onChange }: { value: number | null; onChange: (index: number, id: string) => void }) {
  const tree = useOrgBranches();
  if (tree.status !== 'ready') return <BranchListPending tree={tree} />;
  if (tree.branches.length === 0) return <Text className='ht-field__hint'>组织架构中还没有党支部</Text>;
  return (
    <Picker
      mode='selector'
      name='branch'
      range={tree.branches.map((branch) => branch.name)}
      value={value ?? 0}
      onChange={(event) => {
        const index = Number(event.detail.value);
        const branch = tree.branches[index];
        if (branch) onChange(index, branch.id);
      }}
    >
      <View className='ht-input'>{value === null ? '请选择' : tree.branches[value]?.name}</View>
    </Picker>
  );
}

function InviteCreator({ manager, onCreated }: { manager: MemberView; onCreated: (invite: Invite) => void }) {
  const isOrgAdmin = manager.role === 'org_admin';
  const [expiry, setExpiry] = useState(DEFAULT_EXPIRY);
  const [uses, setUses] = useState(DEFAULT_USES);
  const [branch, setBranch] = useState<{ index: number; id: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const create = async () => {
    if (isOrgAdmin && !branch) {
      setProblem('请选择要邀请加入的党支部');
      return;
    }
    setProblem(null);
    setCreating(true);
    const result = await callFunction('member', 'createInvite', {
      ...(isOrgAdmin && branch ? { branchId: branch.id } : {}),
      maxUses: USES_OPTIONS[uses] ?? 50,
      expiresInHours: EXPIRY_OPTIONS[expiry]?.hours ?? 24 * 7,
    });
    setCreating(false);
    if (result.ok) onCreated(result.data);
  };

  return (
    <Section title='生成邀请' status='ready'>
      <View className='ht-form'>
        <View className='ht-field'>
          <Text className='ht-field__label'>邀请加入</Text>
          {isOrgAdmin ? (
            <BranchChoice value={branch?.index ?? null} onChange={(index, id) => setBranch({ index, id })} />
          ) : (
            <Text className='ht-field__value'>{manager.branchName}</Text>
          )}
        </View>
        <View className='ht-field'>
          <Text className='ht-field__label'>有效期</Text>
          <Picker
            mode='selector'
            name='expiry'
            range={EXPIRY_OPTIONS.map((option) => option.label)}
            value={expiry}
            onChange={(event) => setExpiry(Number(event.detail.value))}
          >
            <View className='ht-input'>{EXPIRY_OPTIONS[expiry]?.label}</View>
          </Picker>
        </View>
        <View className='ht-field'>
          <Text className='ht-field__label'>最多可加入人数</Text>
          <Picker
            mode='selector'
            name='maxUses'
            range={USES_OPTIONS.map((count) => `${count} 人`)}
            value={uses}
            onChange={(event) => setUses(Number(event.detail.value))}
          >
            <View className='ht-input'>{USES_OPTIONS[uses]} 人</View>
          </Picker>
        </View>
        <FieldErrorLine message={problem} />
        <Text className='ht-form__note'>通过邀请提交的申请需要在「待审批」中批准后才会加入支部。</Text>
        <ActionButton loading={creating} onClick={() => void create()}>
          生成邀请
        </ActionButton>
      </View>
    </Section>
  );
}

function InviteContent() {
  const [invite, setInvite] = useState<Invite | null>(null);
  const cardImage = useInviteCardImage(invite);
  useShareMessage(
    invite
      ? { title: shareTitle(invite.branchName), path: `/${invite.path}`, imageUrl: cardImage }
      : { title: '红途 · 党支部学习', path: '/pages/home/index', imageUrl: null },
  );

  return (
    <View className='ht-page__body'>
      <ManagerGate>
        {(manager) =>
          invite ? (
            <InviteCard invite={invite} cardImage={cardImage} onAnother={() => setInvite(null)} />
          ) : (
            <InviteCreator manager={manager} onCreated={setInvite} />
          )
        }
      </ManagerGate>
    </View>
  );
}

export default function BranchInvitePage() {
  return (
    <PageShell>
      <InviteContent />
    </PageShell>
  );
}
