import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ComponentType, type ReactNode } from 'react';
import type { ImportRowError } from '../../types/common';
import type { Result } from '../../types/result';
import { ActionButton } from '../components/ActionButton';
import { Section } from '../components/Section';
import { chooseXlsxFromChat, saveXlsx, type PickedFile } from './xlsxFile';
import './admin.css';
import { toast } from '../utils/toast';

/** A long error list is still readable on a phone; the rest are counted, not drawn. */
const MAX_ERRORS_SHOWN = 100;

interface H5FilePickerProps {
  label: string;
  disabled?: boolean;
  onPicked: (file: PickedFile) => void;
}

/* The native file input exists only on H5; the constant branch keeps it out of the weapp bundle. */
const H5FilePicker: ComponentType<H5FilePickerProps> | null =
  process.env.TARO_ENV === 'h5' ? require('./bank/H5FilePicker').H5FilePicker : null;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What every import action answers for 'validate' and 'import'. */
export interface SheetReply {
  rows: number;
  errors: ImportRowError[];
}

/** The file as sent inline in the call. */
export interface InlineSheet {
  fileBase64: string;
}

/**
 * Texts and hooks that differ between imports. `Reply` is the action's output; `Uploaded` is how a
 * file too big to send inline is named once stored elsewhere (`never` when the action has no such way).
 */
export interface SheetImportProps<Reply extends SheetReply, Uploaded = never> {
  /** Section title, e.g. 导入题库. */
  title: string;
  /** Steps shown above the buttons. */
  steps: string;
  /** File name the template is saved as. */
  templateName: string;
  /** The function's template action. */
  fetchTemplate: () => Promise<Result<{ templateBase64: string }>>;
  /** The action's 'validate' and 'import' modes. */
  check: (mode: 'validate' | 'import', file: InlineSheet | Uploaded) => Promise<Result<Reply>>;
  /** Largest file sent inline. */
  maxInlineBytes: number;
  /** Files over `maxInlineBytes`: stored first (returns how the action names it), or refused with a message. */
  largeFile:
    | { kind: 'refuse'; message: (size: number) => string }
    | { kind: 'upload'; maxBytes: number; tooBig: (size: number) => string; upload: (file: PickedFile) => Promise<Uploaded> };
  /** Dialog text before importing. */
  confirmText: (fileName: string, rows: number) => string;
  /** Progress text while importing. */
  importingText: (rows: number) => string;
  /** Validated file without data rows. */
  emptyText: string;
  /** Appended to the problem summary when the server refused the import itself. */
  nothingImportedText: string;
  /** Toast after a successful import. */
  doneToast: (reply: Reply) => string;
  /** The result box after a successful import. */
  renderDone: (reply: Reply) => ReactNode;
  onImported?: (reply: Reply) => void;
}

type Phase = 'idle' | 'template' | 'reading' | 'uploading' | 'validating' | 'importing';

interface ChosenFile<Uploaded> {
  name: string;
  size: number;
  payload: InlineSheet | Uploaded;
}

interface Report {
  rows: number;
  errors: ImportRowError[];
  /** 'import' when the server refused an import (e.g. the data changed meanwhile). */
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

/**
 * The spreadsheet import flow shared by the admin pages: download the template, choose an .xlsx,
 * 校验 (per-row 行号/列/问题 table), confirm, 导入. Nothing is imported until a validate came back clean.
 */
export function SheetImport<Reply extends SheetReply, Uploaded = never>(props: SheetImportProps<Reply, Uploaded>) {
  const { largeFile, maxInlineBytes } = props;
  const [phase, setPhase] = useState<Phase>('idle');
  const [file, setFile] = useState<ChosenFile<Uploaded> | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [done, setDone] = useState<Reply | null>(null);
  const busy = phase !== 'idle';

  const downloadTemplate = async () => {
    setPhase('template');
    const result = await props.fetchTemplate();
    try {
      if (result.ok) await saveXlsx(result.data.templateBase64, props.templateName);
    } catch {
      toast('模板保存失败，请重试');
    }
    setPhase('idle');
  };

  const accept = async (picked: PickedFile) => {
    setReport(null);
    setDone(null);
    setFile(null);
    if (!/\.xlsx$/i.test(picked.name)) {
      setFileProblem(`「${picked.name}」不是 .xlsx 表格，请用模板填写后另存为 .xlsx`);
      return;
    }
    if (picked.size > maxInlineBytes) {
      if (largeFile.kind === 'refuse') {
        setFileProblem(largeFile.message(picked.size));
        return;
      }
      if (picked.size > largeFile.maxBytes) {
        setFileProblem(largeFile.tooBig(picked.size));
        return;
      }
      setFileProblem(null);
      setPhase('uploading');
      try {
        setFile({ name: picked.name, size: picked.size, payload: await largeFile.upload(picked) });
      } catch {
        setFileProblem('上传文件失败，请检查网络后重新选择');
      }
      setPhase('idle');
      return;
    }
    setFileProblem(null);
    setPhase('reading');
    try {
      setFile({ name: picked.name, size: picked.size, payload: { fileBase64: await picked.readBase64() } });
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
    setDone(null);
    const result = await props.check('validate', file.payload);
    if (result.ok) setReport({ rows: result.data.rows, errors: result.data.errors, from: 'validate' });
    setPhase('idle');
  };

  const runImport = async () => {
    if (!file || !report) return;
    const confirmed = await Taro.showModal({
      title: '确认导入',
      content: props.confirmText(file.name, report.rows),
      confirmText: '导入',
      confirmColor: '#C8161D',
    });
    if (!confirmed.confirm) return;
    setPhase('importing');
    const result = await props.check('import', file.payload);
    setPhase('idle');
    if (!result.ok) {
      // e.g. CONFLICT: the data changed meanwhile; validate again before another try.
      setReport(null);
      return;
    }
    if (result.data.errors.length > 0) {
      setReport({ rows: result.data.rows, errors: result.data.errors, from: 'import' });
      return;
    }
    setDone(result.data);
    setReport(null);
    setFile(null);
    toast(props.doneToast(result.data));
    props.onImported?.(result.data);
  };

  const canImport = Boolean(file && report && report.from === 'validate' && report.errors.length === 0 && report.rows > 0);
  const chooseLabel = file ? '重新选择文件' : '选择 .xlsx 文件';

  let progress: string | null = null;
  if (phase === 'template') progress = '正在生成模板…';
  else if (phase === 'reading') progress = '正在读取文件…';
  else if (phase === 'uploading') progress = '正在上传文件到云存储…';
  else if (phase === 'validating') progress = `正在校验「${file?.name ?? ''}」…`;
  else if (phase === 'importing') progress = props.importingText(report?.rows ?? 0);

  return (
    <Section title={props.title} status='ready'>
      <View className='admin-import'>
        <Text className='admin-import__steps'>{props.steps}</Text>
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
              共 {report.rows} 行，发现 {report.errors.length} 处问题{report.from === 'import' ? props.nothingImportedText : ''}
              。请修改表格后重新选择文件校验。
            </Text>
            <ErrorTable errors={report.errors} />
          </View>
        ) : null}
        {report && report.errors.length === 0 ? (
          <Text className='admin-import__summary admin-import__summary--good'>
            {report.rows > 0 ? `共 ${report.rows} 行，全部通过校验，可以导入。` : props.emptyText}
          </Text>
        ) : null}
        {done !== null ? (
          <View className='admin-import__done' role='status'>
            {props.renderDone(done)}
          </View>
        ) : null}
        <View className='admin-import__actions'>
          <ActionButton variant='plain' disabled={!file || busy} loading={phase === 'validating'} onClick={() => void validate()}>
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
