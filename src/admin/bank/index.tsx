import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useCallback, useState, type ComponentType } from 'react';
import type { BankQuestion, ImportRowError } from '../../../types/contracts/quiz';
import type { QuestionCategory } from '../../../types/question';
import { ActionButton } from '../../components/ActionButton';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { CATEGORIES, DIFFICULTY_LABELS, MAX_IMPORT_BYTES, OPTION_LETTERS, TYPE_LABELS } from '../categories';
import { chooseXlsxFromChat, saveXlsx, type PickedFile } from '../xlsxFile';
import '../admin.css';

const PAGE_SIZE = 20;
const TEMPLATE_NAME = '红途题库导入模板.xlsx';
/** A long error list is still readable on a phone; the rest are counted, not drawn. */
const MAX_ERRORS_SHOWN = 100;

interface H5FilePickerProps {
  label: string;
  disabled?: boolean;
  onPicked: (file: PickedFile) => void;
}

/* The native file input exists only on H5; the constant branch keeps it out of the weapp bundle. */
const H5FilePicker: ComponentType<H5FilePickerProps> | null =
  process.env.TARO_ENV === 'h5' ? require('./H5FilePicker').H5FilePicker : null;

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/* ---------------- 导入题库 ---------------- */

type Phase = 'idle' | 'template' | 'reading' | 'validating' | 'importing';

interface ChosenFile {
  name: string;
  size: number;
  base64: string;
}

interface Report {
  rows: number;
  errors: ImportRowError[];
  /** 'import' when the server refused an import (e.g. a stem added meanwhile). */
  from: 'validate' | 'import';
}

function ErrorTable({ errors }: { errors: ImportRowError[] }) {
  const shown = errors.slice(0, MAX_ERRORS_SHOWN);
  return (
    <View className='admin-errors' role='table' aria-label='校验问题'>
      <View className='admin-errors__row admin-errors__row--head' role='row'>
        <Text className='admin-errors__row-no'>行号</Text>
        <Text className='admin-errors__field'>列</Text>
        <Text className='admin-errors__message'>问题</Text>
      </View>
      {shown.map((error, index) => (
        <View key={`${error.row}-${error.field}-${index}`} className='admin-errors__row' role='row'>
          <Text className='admin-errors__row-no'>{error.row}</Text>
          <Text className='admin-errors__field'>{error.field}</Text>
          <Text className='admin-errors__message'>{error.message}</Text>
        </View>
      ))}
      {errors.length > shown.length ? (
        <Text className='admin-errors__more'>另有 {errors.length - shown.length} 处问题未列出，请先修改以上各行</Text>
      ) : null}
    </View>
  );
}

function Progress({ text }: { text: string }) {
  return (
    <View className='admin-progress' role='status' aria-busy='true'>
      <View className='admin-progress__track'>
        <View className='admin-progress__bar' />
      </View>
      <Text className='admin-progress__text'>{text}</Text>
    </View>
  );
}

function ImportPanel({ onImported }: { onImported: () => void }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const busy = phase !== 'idle';

  const downloadTemplate = async () => {
    setPhase('template');
    const result = await callFunction('quiz', 'importBank', { mode: 'template' });
    try {
      if (result.ok && result.data.templateBase64) await saveXlsx(result.data.templateBase64, TEMPLATE_NAME);
    } catch {
      Taro.showToast({ title: '模板保存失败，请重试', icon: 'none' });
    }
    setPhase('idle');
  };

  const accept = async (picked: PickedFile) => {
    setReport(null);
    setImported(null);
    setFile(null);
    if (!/\.xlsx$/i.test(picked.name)) {
      setFileProblem(`「${picked.name}」不是 .xlsx 表格，请用模板填写后另存为 .xlsx`);
      return;
    }
    if (picked.size > MAX_IMPORT_BYTES) {
      setFileProblem(`文件 ${formatSize(picked.size)}，超过单次上限 ${formatSize(MAX_IMPORT_BYTES)}，请拆成几个表格分批导入`);
      return;
    }
    setFileProblem(null);
    setPhase('reading');
    try {
      setFile({ name: picked.name, size: picked.size, base64: await picked.readBase64() });
    } catch {
      setFileProblem('读取文件失败，请重新选择');
    }
    setPhase('idle');
  };

  const chooseInWeapp = async () => {
    const picked = await chooseXlsxFromChat();
    if (picked) await accept(picked);
  };

  const validate = async () => {
    if (!file) return;
    setPhase('validating');
    setImported(null);
    const result = await callFunction('quiz', 'importBank', { mode: 'validate', fileBase64: file.base64 });
    if (result.ok) setReport({ rows: result.data.rows, errors: result.data.errors, from: 'validate' });
    setPhase('idle');
  };

  const runImport = async () => {
    if (!file || !report) return;
    const confirmed = await Taro.showModal({
      title: '确认导入',
      content: `将把「${file.name}」中的 ${report.rows} 道题加入题库，导入后所有竞赛都可能抽到这些题。确定导入吗？`,
      confirmText: '导入',
      confirmColor: '#C8161D',
    });
    if (!confirmed.confirm) return;
    setPhase('importing');
    const result = await callFunction('quiz', 'importBank', { mode: 'import', fileBase64: file.base64 });
    setPhase('idle');
    if (!result.ok) {
      // e.g. CONFLICT: the bank changed meanwhile; validate again before another try.
      setReport(null);
      return;
    }
    if (result.data.errors.length > 0) {
      setReport({ rows: result.data.rows, errors: result.data.errors, from: 'import' });
      return;
    }
    setImported(result.data.imported);
    setReport(null);
    setFile(null);
    Taro.showToast({ title: `已导入 ${result.data.imported} 题`, icon: 'none' });
    onImported();
  };

  const canImport = Boolean(file && report && report.from === 'validate' && report.errors.length === 0 && report.rows > 0);
  const chooseLabel = file ? '重新选择文件' : '选择 .xlsx 文件';

  let progress: string | null = null;
  if (phase === 'template') progress = '正在生成模板…';
  else if (phase === 'reading') progress = '正在读取文件…';
  else if (phase === 'validating') progress = `正在校验「${file?.name ?? ''}」…`;
  else if (phase === 'importing') progress = `正在导入 ${report?.rows ?? 0} 道题，请勿离开本页…`;

  return (
    <Section title='导入题库' status='ready'>
      <View className='admin-import'>
        <Text className='admin-import__steps'>
          ① 下载模板并按说明填写 ② 选择填好的 .xlsx（单个文件不超过 {formatSize(MAX_IMPORT_BYTES)}）③ 先校验，没有问题后再导入。有任何一行出错时不会导入任何题目。
        </Text>
        <View className='admin-import__actions'>
          <ActionButton variant='plain' disabled={busy} onClick={() => void downloadTemplate()}>
            下载模板
          </ActionButton>
          {H5FilePicker ? (
            <H5FilePicker label={chooseLabel} disabled={busy} onPicked={(picked) => void accept(picked)} />
          ) : (
            <ActionButton variant='plain' disabled={busy} onClick={() => void chooseInWeapp()}>
              {chooseLabel}
            </ActionButton>
          )}
        </View>
        {process.env.TARO_ENV === 'h5' ? null : (
          <Text className='admin-import__tip'>在电脑上填好后，用微信把文件发给自己或「文件传输助手」，再从聊天中选择。</Text>
        )}
        {file ? (
          <View className='admin-import__file'>
            <Text className='admin-import__file-name'>{file.name}</Text>
            <Text className='admin-import__file-size'>{formatSize(file.size)}</Text>
          </View>
        ) : null}
        {fileProblem ? (
          <View className='admin-import__problem' role='alert'>
            <Text>{fileProblem}</Text>
          </View>
        ) : null}
        {progress ? <Progress text={progress} /> : null}
        {report && report.errors.length > 0 ? (
          <View className='admin-import__report'>
            <Text className='admin-import__summary admin-import__summary--bad'>
              共 {report.rows} 行，发现 {report.errors.length} 处问题{report.from === 'import' ? '，未导入任何题目' : ''}。请修改表格后重新选择文件校验。
            </Text>
            <ErrorTable errors={report.errors} />
          </View>
        ) : null}
        {report && report.errors.length === 0 ? (
          <Text className='admin-import__summary admin-import__summary--good'>
            {report.rows > 0 ? `共 ${report.rows} 行，全部通过校验，可以导入。` : '表格中没有题目，请填写后重新选择。'}
          </Text>
        ) : null}
        {imported !== null ? (
          <View className='admin-import__done' role='status'>
            <Text className='admin-import__done-count'>已导入 {imported} 题</Text>
            <Text className='admin-import__done-text'>新题已加入题库，可在下方列表查看。</Text>
          </View>
        ) : null}
        <View className='admin-import__actions'>
          <ActionButton
            variant='plain'
            disabled={!file || busy}
            loading={phase === 'validating'}
            onClick={() => void validate()}
          >
            校验
          </ActionButton>
          <ActionButton disabled={!canImport || busy} loading={phase === 'importing'} onClick={() => void runImport()}>
            导入
          </ActionButton>
        </View>
      </View>
    </Section>
  );
}

/* ---------------- 题库列表 ---------------- */

function QuestionItem({ question }: { question: BankQuestion }) {
  return (
    <View className='admin-question'>
      <View className='admin-question__tags'>
        <Tag text={TYPE_LABELS[question.type]} />
        <Tag text={question.category} tone='grey' />
        <Tag text={`难度：${DIFFICULTY_LABELS[question.difficulty]}`} tone='grey' />
      </View>
      <Text className='admin-question__stem'>{question.stem}</Text>
      {question.options.map((option, index) => {
        const correct = question.answer.includes(index);
        return (
          <View key={index} className={`admin-option${correct ? ' admin-option--correct' : ''}`}>
            <Text className='admin-option__text'>
              {OPTION_LETTERS[index] ?? index + 1}. {option}
            </Text>
            {correct ? <Text className='admin-option__mark'>✓ 正确答案</Text> : null}
          </View>
        );
      })}
      <Text className='admin-question__explanation'>解析：{question.explanation}</Text>
      <Text className='admin-question__source'>出处：{question.source}</Text>
    </View>
  );
}

function BankList({ category }: { category: QuestionCategory | null }) {
  const fetchPage = useCallback(
    (cursor?: string) =>
      callFunction(
        'quiz',
        'questions',
        { cursor, pageSize: PAGE_SIZE, ...(category ? { category } : {}) },
        // The first page shows its failure in place; a later page's failure toasts over what is shown.
        { silentError: cursor === undefined },
      ),
    [category],
  );
  const list = usePagedList(fetchPage);
  useReachBottom(() => list.loadMore());

  return (
    <>
      <Section
        title={category ? `题库 · ${category}` : '题库 · 全部'}
        status={list.status}
        isEmpty={list.items.length === 0}
        emptyTitle={category ? `「${category}」分类下还没有题目` : '题库还是空的'}
        emptyDescription='用上方的「导入题库」批量添加题目'
        errorMessage={list.error?.message}
        onRetry={() => void list.reload()}
        skeletonRows={4}
      >
        {list.items.map((question) => (
          <QuestionItem key={question.id} question={question} />
        ))}
      </Section>
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='ht-list-footer' onClick={list.hasMore ? list.loadMore : undefined}>
          <Text className='ht-list-footer__text'>
            {list.loadingMore ? '加载中…' : list.hasMore ? '上滑加载更多' : `已显示全部 ${list.items.length} 题`}
          </Text>
        </View>
      ) : null}
    </>
  );
}

function CategoryChips({ value, onChange }: { value: QuestionCategory | null; onChange: (next: QuestionCategory | null) => void }) {
  const chips: Array<{ label: string; value: QuestionCategory | null }> = [
    { label: '全部', value: null },
    ...CATEGORIES.map((category) => ({ label: category, value: category })),
  ];
  return (
    <View className='admin-chips' role='tablist' aria-label='按分类筛选'>
      {chips.map((chip) => (
        <View
          key={chip.label}
          role='tab'
          aria-selected={chip.value === value}
          className={`admin-chip${chip.value === value ? ' admin-chip--active' : ''}`}
          onClick={() => onChange(chip.value)}
        >
          <Text>{chip.label}</Text>
        </View>
      ))}
    </View>
  );
}

function BankContent() {
  const [category, setCategory] = useState<QuestionCategory | null>(null);
  // Bumped after an import so the list reloads from its first page.
  const [version, setVersion] = useState(0);
  return (
    <View className='ht-page__body'>
      <ImportPanel onImported={() => setVersion((count) => count + 1)} />
      <CategoryChips value={category} onChange={setCategory} />
      <BankList key={`${category ?? 'all'}-${version}`} category={category} />
    </View>
  );
}

export default function AdminBankPage() {
  return (
    <PageShell>
      <BankContent />
    </PageShell>
  );
}
