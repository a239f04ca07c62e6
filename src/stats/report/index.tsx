import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PROGRAMME_ITEM_KEYS, PROGRAMME_ITEM_LABELS, type ProgrammeItemKey } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { FormError, FormSection, InputField, TextareaField } from '../../components/FormParts';
import { PageShell } from '../../components/PageShell';
import { useSending } from '../../components/useSending';
import { useFieldErrors } from '../../components/useFormFields';
import { callFunction } from '../../services/cloud';
import { errorSlot, fieldMessage, FORM_SLOT } from '../../services/fieldError';
import { toast } from '../../utils/toast';
import { NoProgramme } from '../parts';
import { PROGRESS_URL } from '../routes';
import { PhotoField, type StoredPhoto } from './PhotoField';
import '../stats.css';

const FIELDS = ['title', 'note', 'photoFileId'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | typeof FORM_SLOT, string>>;

/** What the title names for each item a member may report (读书 and 观影 by default; a programme may allow others). */
function titleLabel(item: ProgrammeItemKey): string {
  if (item === 'book') return '书名';
  if (item === 'film') return '片名';
  return '名称';
}

function isItemKey(value: string | undefined): value is ProgrammeItemKey {
  return (PROGRAMME_ITEM_KEYS as readonly string[]).includes(value ?? '');
}

function ReportForm({ programmeId, item }: { programmeId: string; item: ProgrammeItemKey }) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<StoredPhoto | null>(null);
  const [uploading, setUploading] = useState(false);
  const { errors, setErrors, clear } = useFieldErrors<Errors>();
  const { sending: submitting, isSending, send } = useSending();

  const submit = async () => {
    if (isSending()) return;
    const found: Errors = {};
    if (title.trim().length < 2) found.title = `请写明${titleLabel(item)}`;
    if (!photo) found.photoFileId = uploading ? '照片还在上传，请稍候' : '请上传照片';
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    const result = await send(() =>
      callFunction(
        'stats',
        'selfReport',
        { programmeId, item, title: title.trim(), note: note.trim(), photoFileId: photo?.fileId ?? '' },
        { silentError: true },
      ),
    );
    if (!result.ok) {
      const slot = result.error.field ? errorSlot(result.error.field, FIELDS) : FORM_SLOT;
      setErrors({ [slot]: result.error.field ? fieldMessage(result.error) : result.error.message });
      return;
    }
    toast('已提交，等待支部书记确认', 'success');
    // Opened from a shared link there is no checklist to go back to.
    Taro.navigateBack().catch(() => Taro.redirectTo({ url: PROGRESS_URL }));
  };

  return (
    <View className='ht-page__body'>
      <FormSection title={PROGRAMME_ITEM_LABELS[item]}>
        <InputField
          label={titleLabel(item)}
          name='title'
          value={title}
          error={errors.title}
          maxlength={60}
          placeholder={item === 'film' ? '如：长津湖' : '如：红星照耀中国'}
          onChange={(value) => {
            setTitle(value);
            clear('title');
          }}
        />
        <TextareaField
          label='感想（选填）'
          name='note'
          value={note}
          error={errors.note}
          maxlength={500}
          placeholder='读完或看完后的一两句体会'
          onChange={(value) => {
            setNote(value);
            clear('note');
          }}
        />
        <PhotoField
          photo={photo}
          error={errors.photoFileId}
          onUploadingChange={setUploading}
          onStored={(stored) => {
            setPhoto(stored);
            clear('photoFileId');
          }}
        />
      </FormSection>
      <FormError message={errors[FORM_SLOT]} />
      <ActionButton loading={submitting} disabled={uploading} onClick={() => void submit()}>
        提交给支部书记确认
      </ActionButton>
    </View>
  );
}

/** 自报读书 / 观影: a title, a line of thoughts and a photo; it counts once the branch secretary confirms it. */
export default function SelfReportPage() {
  const { programmeId, item } = useRouter().params;
  return (
    <PageShell>
      {programmeId && isItemKey(item) ? (
        <ReportForm programmeId={programmeId} item={item} />
      ) : (
        <View className='ht-page__body'>
          <NoProgramme description='请从“我的六个一”中选择要自报的一项' />
        </View>
      )}
    </PageShell>
  );
}
