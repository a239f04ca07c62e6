import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { STORY_AWARDS, STORY_AWARD_LABELS, STORY_KINDS, STORY_KIND_LABELS, type StoryKind } from '../../../types/labels';
import type { AppError } from '../../../types/result';
import { ActionButton } from '../../components/ActionButton';
import { LoadingOrFailed } from '../../components/LoadingOrFailed';
import { Chips, DateTimeField, Field, FormError, FormSection, InputField, SwitchRow, TextareaField } from '../../components/FormParts';
import { PageShell } from '../../components/PageShell';
import { useFormFields, type FormErrors } from '../../components/useFormFields';
import { callFunction } from '../../services/cloud';
import { fieldMessage } from '../../services/fieldError';
import { useCampaign } from '../../story/useCampaign';
import { toast } from '../../utils/toast';
import { CAMPAIGNS_ADMIN_URL } from '../../story/routes';
import { buildCampaign, errorSlot, formFromCampaign, initialForm, quotaKinds, type CampaignForm } from './form';
import '../admin.css';
import '../contest/contest.css';

const KIND_OPTIONS = STORY_KINDS.map((kind) => ({ value: kind, label: STORY_KIND_LABELS[kind] }));

/** A refusal naming a field goes beside it; anything else above the button. */
function slotErrors(error: AppError, sentQuotaKinds: readonly StoryKind[]): FormErrors {
  if (error.field) return { [errorSlot(error.field, sentQuotaKinds)]: fieldMessage(error) };
  return { _form: error.message };
}

function CampaignFormView({ initial, campaignId }: { initial: CampaignForm; campaignId: string | null }) {
  const { form, errors, setErrors, update } = useFormFields<CampaignForm>(initial);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const toggleKind = (kind: StoryKind) =>
    update({ kinds: form.kinds.includes(kind) ? form.kinds.filter((chosen) => chosen !== kind) : [...form.kinds, kind] }, 'kinds');

  const save = async () => {
    if (savingRef.current) return;
    const built = buildCampaign(form);
    if (!built.campaign) {
      setErrors(built.errors);
      toast('请修改标红的内容');
      return;
    }
    setErrors({});
    savingRef.current = true;
    setSaving(true);
    const result = await callFunction(
      'story',
      'saveCampaign',
      { ...(campaignId ? { id: campaignId } : {}), campaign: built.campaign },
      { silentError: true },
    );
    savingRef.current = false;
    setSaving(false);
    if (!result.ok) {
      setErrors(slotErrors(result.error, quotaKinds(form)));
      toast(result.error.field ? '请修改标红的内容' : result.error.message);
      return;
    }
    toast(result.data.created ? '征集已创建' : '已保存修改', 'success');
    // Opened straight from a link there is no page to go back to.
    Taro.navigateBack().catch(() => Taro.redirectTo({ url: CAMPAIGNS_ADMIN_URL }));
  };

  return (
    <View className='ht-page__body admin-form'>
      <FormSection title='基本信息'>
        <InputField
          label='征集名称'
          name='title'
          value={form.title}
          error={errors.title}
          maxlength={40}
          placeholder='如：理论文章征集、讲红色故事大赛'
          onChange={(value) => update({ title: value }, 'title')}
        />
        <TextareaField
          label='征集说明（选填）'
          name='description'
          value={form.description}
          error={errors.description}
          maxlength={1000}
          placeholder='征集主题、要求和评选办法，党员在征集页看到'
          onChange={(value) => update({ description: value }, 'description')}
        />
        <Field label='征集的作品类型' error={errors.kinds}>
          <Chips
            role='checkbox'
            label='征集的作品类型'
            options={KIND_OPTIONS}
            isSelected={(kind) => form.kinds.includes(kind)}
            onToggle={toggleKind}
          />
        </Field>
      </FormSection>

      <FormSection title='征集时间'>
        <DateTimeField
          label='开始'
          name='opens'
          date={form.opensDate}
          time={form.opensTime}
          error={errors.opensAt}
          onDate={(value) => update({ opensDate: value }, 'opensAt', 'closesAt')}
          onTime={(value) => update({ opensTime: value }, 'opensAt', 'closesAt')}
        />
        <DateTimeField
          label='截止'
          name='closes'
          date={form.closesDate}
          time={form.closesTime}
          error={errors.closesAt}
          onDate={(value) => update({ closesDate: value }, 'closesAt', 'ratingClosesAt')}
          onTime={(value) => update({ closesTime: value }, 'closesAt', 'ratingClosesAt')}
        />
        <Text className='admin-form__note'>截止后不能再提交；截止到某天 24:00 请选次日 00:00。</Text>
      </FormSection>

      <FormSection title='群众评议'>
        <SwitchRow
          title='开展群众评议'
          description='党员给已发布的作品打 1–5 星，每人每件一次'
          checked={form.rating}
          onChange={(checked) => update({ rating: checked }, 'ratingClosesAt', 'ratingWeight')}
        />
        {form.rating ? (
          <>
            <DateTimeField
              label='评议截止'
              name='rating'
              date={form.ratingDate}
              time={form.ratingTime}
              error={errors.ratingClosesAt}
              onDate={(value) => update({ ratingDate: value }, 'ratingClosesAt')}
              onTime={(value) => update({ ratingTime: value }, 'ratingClosesAt')}
            />
            <InputField
              label='排名中评议占比（%）'
              name='ratingWeight'
              type='number'
              value={form.ratingWeight}
              error={errors.ratingWeight}
              hint='其余按组织部评选（奖项、上报、推荐）'
              onChange={(value) => update({ ratingWeight: value }, 'ratingWeight')}
            />
          </>
        ) : null}
      </FormSection>

      <FormSection title='每个支部的任务（选填）'>
        {form.kinds.length === 0 ? <Text className='admin-form__note'>先选择征集的作品类型。</Text> : null}
        {STORY_KINDS.filter((kind) => form.kinds.includes(kind)).map((kind) => (
          <InputField
            key={kind}
            label={`${STORY_KIND_LABELS[kind]}（件）`}
            name={`quota.${kind}`}
            type='number'
            value={form.quotas[kind] ?? ''}
            error={errors[`quota.${kind}`]}
            placeholder='不要求就留空'
            onChange={(value) => update({ quotas: { ...form.quotas, [kind]: value } }, `quota.${kind}`)}
          />
        ))}
      </FormSection>

      <FormSection title='奖项名额'>
        {STORY_AWARDS.map((award) => (
          <InputField
            key={award}
            label={`${STORY_AWARD_LABELS[award]}（名）`}
            name={`awards.${award}`}
            type='number'
            value={form.awards[award]}
            error={errors[`awards.${award}`]}
            onChange={(value) => update({ awards: { ...form.awards, [award]: value } }, `awards.${award}`)}
          />
        ))}
      </FormSection>

      <FormError message={errors._form} />
      <ActionButton loading={saving} onClick={() => void save()}>
        {campaignId ? '保存修改' : '创建征集'}
      </ActionButton>
    </View>
  );
}

function EditCampaign({ campaignId }: { campaignId: string }) {
  const { status, campaign, error, reload } = useCampaign(campaignId);
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '修改征集' }).catch(() => undefined);
  }, []);
  if (status !== 'ready' || !campaign) {
    return (
      <View className='ht-page__body'>
        <LoadingOrFailed loading={status === 'loading'} message={error?.message ?? '找不到这次征集'} onRetry={reload} />
      </View>
    );
  }
  return <CampaignFormView initial={formFromCampaign(campaign)} campaignId={campaignId} />;
}

function CampaignFormPage() {
  const { params } = useRouter();
  const [initial] = useState(() => initialForm(Date.now()));
  return params.id ? <EditCampaign campaignId={params.id} /> : <CampaignFormView initial={initial} campaignId={null} />;
}

export default function AdminCampaignPage() {
  return (
    <PageShell>
      <CampaignFormPage />
    </PageShell>
  );
}
