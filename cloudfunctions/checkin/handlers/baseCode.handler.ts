import { BASE_SCENE_KEY } from '../../../core/checkin/link';
import { encodeScene, isValidScene } from '../../../core/scene';
import { fail } from '../../../server/kernel/failure';
import type { MemberContext } from '../../../server/kernel/router';
import { storedMiniProgramCode } from '../../../server/wxacode';
import { findBase, saveBaseWxacode } from '../bases.repository';

/** The page a scanned base code opens: the check-in landing page, in its own small subpackage. */
const LANDING_PAGE = 'checkin/landing/index';

/**
 * The base's printed 小程序码 (org admins): made once, kept in cloud storage and reused, as the
 * activity posters are. Bases made by saveBase have 12-character ids; an older id too long for the
 * 32-character scene is refused in words rather than failing at the platform.
 */
export async function baseCode(input: { baseId: string }, ctx: MemberContext) {
  const { db } = ctx;
  const base = await findBase(db, input.baseId);
  if (!base) fail('NOT_FOUND', { field: 'baseId', message: '基地不存在' });
  if (!isValidScene(`${BASE_SCENE_KEY}=${base._id}`)) {
    fail('INVALID_INPUT', { field: 'baseId', message: '该基地的编号过长，无法生成打卡码，请重新建立该基地后再生成' });
  }
  const scene = encodeScene({ [BASE_SCENE_KEY]: base._id });
  const { fileID, url } = await storedMiniProgramCode({
    storedFileId: base.wxacodeFileId,
    page: LANDING_PAGE,
    scene,
    cloudPath: `base-codes/${base._id}`,
    remember: (fileId) => saveBaseWxacode(db, base._id, fileId),
  });
  return { fileId: fileID, url, scene };
}
