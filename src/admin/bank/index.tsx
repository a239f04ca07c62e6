import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ActionOutput } from '../../../types/contracts';
import type { BankQuestion } from '../../../types/contracts/quiz';
import type { QuestionCategory } from '../../../types/question';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { callFunction } from '../../services/cloud';
import { usePagedList } from '../../services/usePagedList';
import { CATEGORIES, DIFFICULTY_LABELS, MAX_IMPORT_BYTES, OPTION_LETTERS, TYPE_LABELS } from '../categories';
import { formatSize, SheetImport } from '../SheetImport';
import '../admin.css';

const PAGE_SIZE = 20;

type BankImportReply = ActionOutput<'quiz', 'importBank'>;

/* ---------------- 导入题库 ---------------- */

function ImportPanel({ onImported }: { onImported: () => void }) {
  return (
    <SheetImport<BankImportReply>
      title='导入题库'
      steps={`① 下载模板并按说明填写 ② 选择填好的 .xlsx（单个文件不超过 ${formatSize(MAX_IMPORT_BYTES)}）③ 先校验，没有问题后再导入。有任何一行出错时不会导入任何题目。`}
      templateName='红途题库导入模板.xlsx'
      fetchTemplate={() => callFunction('quiz', 'bankTemplate', {})}
      check={(mode, file) => callFunction('quiz', 'importBank', { mode, fileBase64: file.fileBase64 })}
      maxInlineBytes={MAX_IMPORT_BYTES}
      largeFile={{
        kind: 'refuse',
        message: (size) => `文件 ${formatSize(size)}，超过单次上限 ${formatSize(MAX_IMPORT_BYTES)}，请拆成几个表格分批导入`,
      }}
      confirmText={(fileName, rows) => `将把「${fileName}」中的 ${rows} 道题加入题库，导入后所有竞赛都可能抽到这些题。确定导入吗？`}
      importingText={(rows) => `正在导入 ${rows} 道题，请勿离开本页…`}
      emptyText='表格中没有题目，请填写后重新选择。'
      nothingImportedText='，未导入任何题目'
      doneToast={(reply) => `已导入 ${reply.imported} 题`}
      renderDone={(reply) => (
        <>
          <Text className='admin-import__done-count'>已导入 {reply.imported} 题</Text>
          <Text className='admin-import__done-text'>新题已加入题库，可在下方列表查看。</Text>
        </>
      )}
      onImported={onImported}
    />
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
    <View className='ht-chips' role='tablist' aria-label='按分类筛选'>
      {chips.map((chip) => (
        <View
          key={chip.label}
          role='tab'
          aria-selected={chip.value === value}
          className={`ht-chip${chip.value === value ? ' ht-chip--active' : ''}`}
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
