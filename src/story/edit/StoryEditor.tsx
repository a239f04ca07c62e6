import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { draftProblems, KIND_RULES, type DraftProblem } from '../../../core/story/rules';
import { countWords } from '../../../core/story/wordCount';
import type { StoryView } from '../../../types/contracts/story';
import { MAX_STORY_TITLE } from '../../../types/storyLimits';
import type { AppError } from '../../../types/result';
import { STORY_KINDS, STORY_KIND_LABELS, type StoryKind } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Chips, Field, FormError, FormSection, InputField } from '../../components/FormParts';
import { callFunction } from '../../services/cloud';
import { askForReviewNews } from '../../services/reminder';
import { FORM_SLOT, fieldMessage } from '../../services/fieldError';
import { useCloud } from '../../services/useCloud';
import { formatDateTime } from '../../utils/format';
import { toast } from '../../utils/toast';
import { storyEditUrl } from '../routes';
import { BodyField } from './BodyField';
import { acceptsNow, CampaignField } from './CampaignField';
import {
  draftFactsOf,
  draftOf,
  errorsOf,
  isBlank,
  newStoryForm,
  storyErrorSlot,
  storyFormOf,
  type FieldErrors,
  type NewStoryParams,
  type StoryForm,
} from './draftForm';
import { ImageUploads } from './ImageUploads';
import { differsFrom, dropLocalCopy, readLocalCopy, type LocalCopy } from './localCopy';
import { SaveStatusLine } from './SaveStatusLine';
import { TieRow } from './TieRow';
import { useAutosave } from './useAutosave';
import { useUploads } from './useUploads';
import { VideoUpload, type VideoMeta } from './VideoUpload';

const KIND_OPTIONS = STORY_KINDS.map((kind) => ({ value: kind, label: STORY_KIND_LABELS[kind] }));
/** Cloud storage folders: ASCII only, one per kind of file. */
const IMAGE_FOLDER = 'story-images';
const VIDEO_FOLDER = 'story-videos';

function withText(form: StoryForm, copy: LocalCopy): StoryForm {
  return { ...form, kind: copy.kind, campaignId: copy.campaignId, title: copy.title, body: copy.body };
}

/**
 * The form to start from and what to offer back from the phone. A copy kept over the very version
 * loaded is this device's own unsaved typing and comes back by itself; one kept over another version
 * (or for a work never saved) is offered, because restoring it overwrites what is there now.
 */
function startingPoint(
  story: StoryView | null,
  fresh: StoryForm,
): { form: StoryForm; offer: LocalCopy | null; restored: LocalCopy | null } {
  const copy = readLocalCopy(story?.id ?? null);
  if (!copy || !differsFrom(copy, fresh)) return { form: fresh, offer: null, restored: null };
  if (story && copy.version === story.version) return { form: withText(fresh, copy), offer: null, restored: copy };
  return { form: fresh, offer: copy, restored: null };
}

/** Why the server, or the secretary, sent the work back: shown above the editor while the author fixes it. */
function ReturnedNotice({ story }: { story: StoryView }) {
  if (story.status === 'returned' && story.review) {
    return (
      <View className='story-notice' role='note'>
        <Text className='story-notice__title'>支部退回修改</Text>
        <Text className='story-notice__text'>
          {story.review.reviewerName}：{story.review.comment}
        </Text>
      </View>
    );
  }
  if (story.status === 'rejected' && story.rejection) {
    return (
      <View className='story-notice' role='note'>
        <Text className='story-notice__title'>未通过安全检测</Text>
        <Text className='story-notice__text'>{story.rejection}</Text>
      </View>
    );
  }
  return null;
}

function LocalCopyOffer({ copy, onRestore, onDiscard }: { copy: LocalCopy; onRestore: () => void; onDiscard: () => void }) {
  return (
    <View className='story-notice' role='alert'>
      <Text className='story-notice__title'>本机有 {formatDateTime(copy.keptAt)} 未保存的内容</Text>
      <Text className='story-notice__text'>
        {copy.title ? `《${copy.title}》，` : ''}正文 {countWords(copy.body)} 字。恢复后会替换当前内容；继续编辑则放弃它。
      </Text>
      <View className='story-inline'>
        <ActionButton size='small' variant='plain' onClick={onRestore}>
          恢复本机内容
        </ActionButton>
        <ActionButton size='small' variant='plain' onClick={onDiscard}>
          放弃
        </ActionButton>
      </View>
    </View>
  );
}

/** What a refused submit shows at the top, in the server's words. */
interface Refusal {
  title: string;
  message: string;
}

interface StoryEditorProps {
  /** The saved work, or null for a new one. */
  story: StoryView | null;
  /** What the link asks of a new work (kind, campaign, activity, base); ignored for a saved one. */
  newWork: NewStoryParams;
  onSubmitted: (story: StoryView) => void;
}

export function StoryEditor({ story, newWork, onSubmitted }: StoryEditorProps) {
  const [start] = useState(() => startingPoint(story, story ? storyFormOf(story) : newStoryForm(newWork)));
  const [form, setForm] = useState<StoryForm>(start.form);
  const [offer, setOffer] = useState<LocalCopy | null>(start.offer);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const images = useUploads<null>(
    IMAGE_FOLDER,
    (story?.images ?? []).map((image) => ({ fileId: image.fileId, url: image.url, meta: null })),
  );
  const video = useUploads<VideoMeta>(
    VIDEO_FOLDER,
    story?.video
      ? [{ fileId: story.video.fileId, url: story.video.url, meta: { seconds: story.video.seconds, bytes: story.video.bytes } }]
      : [],
  );
  const campaigns = useCloud('story', 'campaigns', { pageSize: 50 });
  const rule = KIND_RULES[form.kind];

  const [loaded] = useState(() =>
    story
      ? {
          ref: { id: story.id, version: story.version },
          draft: draftOf(
            storyFormOf(story),
            story.images.map((image) => image.fileId),
            story.video?.fileId ?? null,
          ),
        }
      : null,
  );
  const draft = draftOf(form, images.storedFileIds, video.storedFileIds[0] ?? null);
  const autosave = useAutosave({
    loaded,
    draft,
    text: form,
    meaningful: story !== null || !isBlank(draft),
    onSaved: (saved) =>
      // A new work opened from an activity or base learns their names from its first save.
      setForm((previous) => ({
        ...previous,
        activity:
          previous.activity && saved.activity?.id === previous.activity.id
            ? { ...previous.activity, name: saved.activity.title }
            : previous.activity,
        base: previous.base && saved.base?.id === previous.base.id ? { ...previous.base, name: saved.base.name } : previous.base,
      })),
    onRefused: (error: AppError) => {
      if (error.field) setErrors((previous) => ({ ...previous, [storyErrorSlot(error.field)]: fieldMessage(error) }));
    },
  });

  /** Editing a field clears its own error, the submit's list of problems and a refusal already read. */
  const update = (patch: Partial<StoryForm>, ...fields: string[]) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setErrors((previous) => {
      const next = { ...previous };
      for (const field of [...fields, FORM_SLOT]) delete next[field];
      return next;
    });
    setProblems([]);
    if (offer) setOffer(null);
  };

  const chooseKind = (kind: StoryKind) => {
    const campaign = campaigns.data?.items.find((candidate) => candidate.id === form.campaignId);
    if (campaign && !acceptsNow(campaign, kind)) {
      toast(`「${campaign.title}」不征集${STORY_KIND_LABELS[kind]}，已改为不参加征集`);
      update({ kind, campaignId: null }, 'kind', 'campaignId', 'title', 'body', 'imageFileIds', 'videoFileId');
    } else {
      update({ kind }, 'kind', 'title', 'body', 'imageFileIds', 'videoFileId');
    }
  };

  const submit = async () => {
    if (submittingRef.current) return;
    if (images.uploading || video.uploading) {
      toast('请等图片和视频上传完成');
      return;
    }
    const stored = video.items[0]?.state === 'stored' ? video.items[0].meta : null;
    const local = [
      ...draftProblems(
        draftFactsOf(form, images.storedFileIds.length, stored ? { seconds: stored.seconds ?? 0, bytes: stored.bytes } : null),
      ),
      ...(images.failed > 0 ? [{ field: 'imageFileIds' as const, message: `有 ${images.failed} 张图片上传失败，请重试或移除` }] : []),
      ...(video.failed > 0 ? [{ field: 'videoFileId' as const, message: '视频上传失败，请重试或移除' }] : []),
    ];
    if (local.length > 0) {
      setErrors(errorsOf(local));
      setProblems(local);
      toast('请先修改标红的内容');
      return;
    }
    submittingRef.current = true;
    // Inside the tap, before any await: WeChat opens the subscription dialog only then.
    void askForReviewNews();
    setSubmitting(true);
    setRefusal(null);
    const saved = await autosave.saveNow();
    const result = saved ? await callFunction('story', 'submit', saved, { silentError: true }) : null;
    submittingRef.current = false;
    setSubmitting(false);
    if (!result) return; // the save line says why
    if (result.ok) {
      onSubmitted(result.data.story);
      return;
    }
    const { error } = result;
    if (error.code === 'CONTENT_REJECTED') {
      setRefusal({ title: '内容未通过安全检测', message: error.message });
    } else if (error.code === 'CLOSED') {
      setRefusal({ title: '征集已截止', message: error.message });
      setErrors((previous) => ({ ...previous, campaignId: error.message }));
    } else if (error.code === 'CONFLICT') {
      autosave.markConflict();
    } else if (error.field) {
      setErrors((previous) => ({ ...previous, [storyErrorSlot(error.field)]: fieldMessage(error) }));
      toast('请先修改标红的内容');
    } else {
      toast(error.message);
    }
    if (error.code === 'CONTENT_REJECTED' || error.code === 'CLOSED') void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  const reload = () => {
    const id = autosave.saved?.id;
    if (id) void Taro.redirectTo({ url: storyEditUrl({ id }) });
  };

  return (
    <View className='story-editor'>
      {refusal ? (
        <View className='story-notice story-notice--alert' role='alert'>
          <Text className='story-notice__title'>{refusal.title}</Text>
          <Text className='story-notice__text'>{refusal.message}</Text>
        </View>
      ) : null}
      {story ? <ReturnedNotice story={story} /> : null}
      {offer ? (
        <LocalCopyOffer
          copy={offer}
          onRestore={() => {
            setForm((previous) => withText(previous, offer));
            setOffer(null);
          }}
          onDiscard={() => {
            dropLocalCopy(story?.id ?? null);
            setOffer(null);
          }}
        />
      ) : null}
      {start.restored ? <Text className='story-save'>已恢复本机 {formatDateTime(start.restored.keptAt)} 未保存的内容</Text> : null}
      <View className='story-save-line'>
        <SaveStatusLine status={autosave.status} onRetry={autosave.flush} onReload={reload} />
      </View>

      <FormSection title='作品'>
        <Field label='作品类型' error={errors.kind} hint={rule.hint}>
          <Chips role='radio' label='作品类型' options={KIND_OPTIONS} isSelected={(kind) => form.kind === kind} onToggle={chooseKind} />
        </Field>
        <CampaignField
          campaigns={campaigns}
          kind={form.kind}
          value={form.campaignId}
          error={errors.campaignId}
          onChange={(campaignId) => update({ campaignId }, 'campaignId')}
        />
        {form.activity ? (
          <TieRow of='activity' tie={form.activity} error={errors.activityId} onRemove={() => update({ activity: null }, 'activityId')} />
        ) : null}
        {form.base ? <TieRow of='base' tie={form.base} error={errors.baseId} onRemove={() => update({ base: null }, 'baseId')} /> : null}
      </FormSection>

      <FormSection title='内容'>
        <InputField
          label={rule.titleRequired ? '标题' : '标题（选填）'}
          name='title'
          value={form.title}
          maxlength={MAX_STORY_TITLE}
          placeholder={`不超过 ${MAX_STORY_TITLE} 字`}
          error={errors.title}
          onChange={(title) => update({ title }, 'title')}
        />
        <BodyField
          value={form.body}
          maxWords={rule.maxWords}
          minWords={rule.minWords}
          error={errors.body}
          onChange={(body) => update({ body }, 'body')}
        />
      </FormSection>

      <FormSection title={rule.video === 'none' ? '图片' : '图片和视频'}>
        <ImageUploads uploads={images} min={rule.minImages} max={rule.maxImages} error={errors.imageFileIds} />
        {rule.video !== 'none' || video.items.length > 0 ? (
          <VideoUpload uploads={video} required={rule.video === 'required'} error={errors.videoFileId} />
        ) : null}
      </FormSection>

      {problems.length > 0 ? (
        <View className='story-problems' role='alert'>
          <Text className='story-problems__title'>提交前请先处理：</Text>
          {problems.map((problem) => (
            <Text key={`${problem.field}-${problem.message}`} className='story-problems__item'>
              · {problem.message}
            </Text>
          ))}
        </View>
      ) : null}
      <FormError message={errors[FORM_SLOT]} />
      <View className='story-actions'>
        <ActionButton loading={submitting} disabled={autosave.status.kind === 'conflict'} onClick={() => void submit()}>
          {story && (story.status === 'returned' || story.status === 'rejected') ? '重新提交' : '提交'}
        </ActionButton>
      </View>
    </View>
  );
}
