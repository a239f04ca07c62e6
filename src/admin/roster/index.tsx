import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '../../../types/contracts';
import { PageShell } from '../../components/PageShell';
import { callFunction } from '../../services/cloud';
import { uploadToCloud } from '../../services/storage';
import { MAX_IMPORT_BYTES } from '../categories';
import { formatSize, SheetImport, type SheetImportProps } from '../SheetImport';
import type { PickedFile } from '../xlsxFile';
import '../admin.css';

type RosterImportReply = ActionOutput<'member', 'importRoster'>;
interface CloudSheet {
  fileID: string;
}

/*
 * Inline files share the bank's cap (MAX_ROSTER_INLINE_BASE64 in types/contracts/roster, mirrored
 * by MAX_IMPORT_BYTES so zod stays out of this subpackage). Bigger rosters go to cloud storage first.
 */
const MAX_INLINE_BYTES = MAX_IMPORT_BYTES;
/** Mirrors MAX_ROSTER_FILE_BYTES in the member function: the server refuses anything bigger. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Files above the inline cap go to cloud storage first; the function downloads them by fileID. */
const largeFile: SheetImportProps<RosterImportReply, CloudSheet>['largeFile'] = {
  kind: 'upload',
  maxBytes: MAX_UPLOAD_BYTES,
  tooBig: (size) => `文件 ${formatSize(size)}，超过 ${formatSize(MAX_UPLOAD_BYTES)}，请检查是否为花名册模板，或拆成几个表格分批导入`,
  // ASCII only: the contract accepts cloud://<env>/<path>.xlsx with plain path characters.
  upload: async (file: PickedFile) => ({ fileID: await uploadToCloud('roster-import', 'xlsx', file) }),
};

const STEPS =
  '① 下载模板（含各党支部名称）并按说明填写 ② 选择填好的 .xlsx（较大的文件会先上传到云存储）③ 先校验，没有问题后再导入。有任何一行出错时不会导入任何人。';

function RosterImport() {
  return (
    <SheetImport<RosterImportReply, CloudSheet>
      title='导入花名册'
      steps={STEPS}
      templateName='红途花名册导入模板.xlsx'
      fetchTemplate={() => callFunction('member', 'rosterTemplate', {})}
      check={(mode, file) => callFunction('member', 'importRoster', { mode, ...file })}
      maxInlineBytes={MAX_INLINE_BYTES}
      largeFile={largeFile}
      confirmText={(fileName, rows) =>
        `将把「${fileName}」中的 ${rows} 人登记到花名册：新人员新增，同一支部中姓名和手机后四位相同的人员更新。花名册中的人员加入时无需支部审批。确定导入吗？`
      }
      importingText={(rows) => `正在导入 ${rows} 人，请勿离开本页…`}
      emptyText='表格中没有人员，请填写后重新选择。'
      nothingImportedText='，未导入任何人员'
      doneToast={(reply) => `已导入 ${reply.created + reply.updated} 人`}
      renderDone={(reply) => (
        <>
          <Text className='admin-import__done-count'>已导入 {reply.created + reply.updated} 人</Text>
          <Text className='admin-import__done-text'>
            新增 {reply.created} 人，更新 {reply.updated} 人。花名册中的人员加入时无需再经支部审批。
          </Text>
        </>
      )}
    />
  );
}

export default function AdminRosterPage() {
  return (
    <PageShell>
      <View className='ht-page__body'>
        <RosterImport />
      </View>
    </PageShell>
  );
}
