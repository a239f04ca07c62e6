import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BrandNominationView } from '../../../types/contracts/brand';
import { BRAND_ACCEPTANCE_NOTE_MAX, BRAND_COMMENDATION_MAX, BRAND_REVIEW_COMMENT_MAX, type BrandKey } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { InputField, TextareaField } from '../../components/FormParts';
import { StarPicker } from '../../components/StarPicker';
import { callFunction } from '../../services/cloud';
import { toast } from '../../utils/toast';
import type { BrandTally } from '../brandKit/parts';

/*
 * What a caller does to one nomination, by stage and role (ARCHITECTURE.md, "Statistics", 四红): the
 * page shows a panel only when the stage and the nomination's `can` say it applies; the server checks
 * both again, and a refusal is shown as its own Chinese message (toast, from callFunction).
 */

type Changed = (nomination: BrandNominationView) => void;

/** 互查 (the assigned unit's secretary): a score of 0–100 and the reviewing unit's comment, once. */
export function PeerReviewPanel({ nomination, onChanged }: { nomination: BrandNominationView; onChanged: Changed }) {
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ score?: string; comment?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const value = /^\d{1,3}$/.test(score.trim()) ? Number(score.trim()) : null;
    const found: typeof errors = {};
    if (value === null || value > 100) found.score = '请填写 0–100 的整数';
    if (comment.trim() === '') found.comment = '请填写互查意见';
    setErrors(found);
    if (value === null || Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await callFunction('stats', 'peerReview', { nominationId: nomination.id, score: value, comment: comment.trim() });
    setBusy(false);
    if (!result.ok) return;
    toast('互查已提交', 'success');
    onChanged(result.data.nomination);
  };

  return (
    <View className='brand-panel' role='group' aria-label='互查打分'>
      <InputField
        label='互查得分（0–100）'
        name={`score-${nomination.id}`}
        type='number'
        value={score}
        error={errors.score}
        onChange={(value) => {
          setScore(value);
          setErrors((previous) => ({ ...previous, score: undefined }));
        }}
      />
      <TextareaField
        label='评语'
        name={`comment-${nomination.id}`}
        value={comment}
        error={errors.comment}
        maxlength={BRAND_REVIEW_COMMENT_MAX}
        placeholder='对照创建要求，写明亮点与不足'
        onChange={(value) => {
          setComment(value);
          setErrors((previous) => ({ ...previous, comment: undefined }));
        }}
      />
      <Text className='ht-form__note'>每项申报只能互查一次，提交后不能修改。</Text>
      <ActionButton loading={busy} onClick={() => void submit()}>
        提交互查
      </ActionButton>
    </View>
  );
}

interface RatingPanelProps {
  nomination: BrandNominationView;
  /** The nomination is the caller's own unit's: members never rate their own. */
  ownUnit: boolean;
  onChanged: Changed;
}

/** 评议 (any member of another unit): one to five stars, once; the button says 已评 after. */
export function BrandRatingPanel({ nomination, ownUnit, onChanged }: RatingPanelProps) {
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const rated = nomination.myRating !== null;

  const rate = async () => {
    if (chosen === null || busy || rated) return;
    setBusy(true);
    const result = await callFunction('stats', 'rateNomination', { nominationId: nomination.id, score: chosen });
    setBusy(false);
    if (!result.ok) return;
    toast('评分成功', 'success');
    onChanged({ ...nomination, rating: result.data.rating, myRating: result.data.myRating, can: { ...nomination.can, rate: false } });
  };

  let why: string | null = null;
  if (ownUnit) why = '不能评议本支部的申报';
  else if (!rated && !nomination.can.rate) why = '评议已结束';

  let label = '点星星评分';
  if (rated) label = '已评';
  else if (why) label = '不可评分';
  else if (chosen !== null) label = `提交 ${chosen} 星评分`;

  return (
    <View className='brand-panel' role='group' aria-label='评议'>
      {nomination.can.rate && !rated ? <StarPicker value={chosen} onChange={setChosen} /> : null}
      {rated ? <Text className='ht-form__note'>你的评分 {nomination.myRating} 星</Text> : null}
      {why ? <Text className='ht-form__note'>{why}</Text> : null}
      <ActionButton size='small' loading={busy} disabled={rated || why !== null || chosen === null} onClick={() => void rate()}>
        {label}
      </ActionButton>
    </View>
  );
}

/** 验收 (org admins): passed, or failed with the reason; may change until it is selected. */
export function AcceptancePanel({ nomination, onChanged }: { nomination: BrandNominationView; onChanged: Changed }) {
  const [note, setNote] = useState(nomination.acceptance?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'pass' | 'fail' | null>(null);

  const decide = async (passed: boolean) => {
    if (busy) return;
    if (!passed && note.trim() === '') {
      setError('未通过时请写明原因');
      return;
    }
    setBusy(passed ? 'pass' : 'fail');
    const result = await callFunction('stats', 'acceptNomination', { nominationId: nomination.id, passed, note: note.trim() });
    setBusy(null);
    if (!result.ok) return;
    toast(passed ? '已验收通过' : '已记为未通过', 'success');
    onChanged(result.data.nomination);
  };

  return (
    <View className='brand-panel' role='group' aria-label='验收'>
      <TextareaField
        label='验收意见（未通过时必填）'
        name={`note-${nomination.id}`}
        value={note}
        error={error}
        maxlength={BRAND_ACCEPTANCE_NOTE_MAX}
        placeholder='查阅资料、实地察看、走访座谈的结论'
        onChange={(value) => {
          setNote(value);
          setError(null);
        }}
      />
      <View className='brand-panel__buttons'>
        <ActionButton size='small' loading={busy === 'pass'} disabled={busy !== null} onClick={() => void decide(true)}>
          验收通过
        </ActionButton>
        <ActionButton size='small' variant='plain' loading={busy === 'fail'} disabled={busy !== null} onClick={() => void decide(false)}>
          不通过
        </ActionButton>
      </View>
    </View>
  );
}

interface SelectPanelProps {
  nomination: BrandNominationView;
  /** The brand's places: none left shows 名额已满 instead of the button. */
  tally: BrandTally | undefined;
  onChanged: Changed;
  onTally: (tally: BrandTally) => void;
  /** The server said FULL: another selection took the last place meanwhile. */
  onFull: (key: BrandKey) => void;
}

/** 择优 (org admins, from 验收 on): select an accepted nomination with a commendation, or take a selection back. */
export function SelectPanel({ nomination, tally, onChanged, onTally, onFull }: SelectPanelProps) {
  const [commendation, setCommendation] = useState('');
  const [busy, setBusy] = useState(false);
  const selected = nomination.status === 'selected';
  const full = tally !== undefined && tally.selected >= tally.selectTotal;

  const send = async (select: boolean) => {
    if (busy) return;
    if (!select) {
      const { confirm } = await Taro.showModal({
        title: '取消评选',
        content: '取消后这项申报不再计入评选，名额退回。',
        confirmText: '取消评选',
        cancelText: '保留',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
    }
    setBusy(true);
    const result = await callFunction(
      'stats',
      'selectNomination',
      { nominationId: nomination.id, selected: select, commendation: select && commendation.trim() ? commendation.trim() : null },
      // FULL is shown as 名额已满 right here; any other refusal as a toast.
      { silentError: true },
    );
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'FULL') onFull(nomination.brand);
      toast(result.error.message);
      return;
    }
    toast(select ? '已评选' : '已取消评选', 'success');
    onChanged(result.data.nomination);
    onTally(result.data.brand);
  };

  if (selected) {
    return (
      <View className='brand-panel' role='group' aria-label='评选'>
        <ActionButton size='small' variant='plain' loading={busy} onClick={() => void send(false)}>
          取消评选
        </ActionButton>
      </View>
    );
  }
  return (
    <View className='brand-panel' role='group' aria-label='评选'>
      {full ? (
        <View role='status'>
          <Text className='brand-quota__full'>名额已满</Text>
        </View>
      ) : (
        <>
          <InputField
            label='表彰（选填）'
            name={`commendation-${nomination.id}`}
            value={commendation}
            maxlength={BRAND_COMMENDATION_MAX}
            placeholder='如：市级示范红色课堂'
            onChange={setCommendation}
          />
          <ActionButton size='small' loading={busy} onClick={() => void send(true)}>
            择优评选
          </ActionButton>
        </>
      )}
    </View>
  );
}
