/** The local stand-ins for cloud storage and the openapi, called through the official SDK. */
import { LocalFiles } from '../../emulator/files';
import { installPlatformStandIns } from '../../emulator/platform';

const cloud = require('wx-server-sdk');

let files: LocalFiles;

beforeEach(() => {
  files = new LocalFiles();
  installPlatformStandIns(files);
});

describe('云存储替身', () => {
  it('上传后可下载、可换临时链接，删除后都不再可用', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'roster/2026/名册.xlsx', fileContent: Buffer.from('xlsx') });
    expect(fileID).toMatch(/^cloud:\/\/.+\/roster\/2026\/名册\.xlsx$/);
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('xlsx');
    const links = await cloud.getTempFileURL({ fileList: [fileID, { fileID: 'cloud://local.hongtu-local/none.png', maxAge: 60 }] });
    expect(links.fileList).toEqual([
      expect.objectContaining({
        fileID,
        status: 0,
        tempFileURL: expect.stringMatching(/^\/cloud-files\/roster\/2026\/%E5%90%8D%E5%86%8C\.xlsx\?t=\d+&sign=/),
      }),
      expect.objectContaining({ status: expect.any(Number), tempFileURL: '' }),
    ]);
    expect(links.fileList[1].status).not.toBe(0);

    expect((await cloud.deleteFile({ fileList: [fileID] })).fileList).toEqual([expect.objectContaining({ status: 0 })]);
    await expect(cloud.downloadFile({ fileID })).rejects.toMatchObject({ errCode: expect.any(Number) });
  });

  it('拒绝会越出存储目录的路径', async () => {
    await expect(cloud.uploadFile({ cloudPath: '../etc/passwd', fileContent: Buffer.from('x') })).rejects.toMatchObject({
      errMsg: expect.stringContaining('invalid cloudPath'),
    });
    expect(files.get('cloud://local.hongtu-local/../package.json')).toBeUndefined();
  });
});

describe('openapi 替身', () => {
  it('wxacode.getUnlimited 返回 PNG 图片，形状与云调用一致', async () => {
    const reply = await cloud.openapi.wxacode.getUnlimited({ scene: 'c=ABCDEFGH', page: 'pages/join/index' });
    expect(reply).toMatchObject({ errCode: 0, contentType: 'image/png' });
    expect(reply.buffer.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR width: about the default 430 px.
    expect(reply.buffer.readUInt32BE(16)).toBeGreaterThan(380);
  });

  it('与平台一样拒绝超长 scene 和带参数的 page', async () => {
    await expect(cloud.openapi.wxacode.getUnlimited({ scene: `c=${'A'.repeat(31)}` })).rejects.toMatchObject({ errCode: 40169 });
    await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'c=A', page: '/pages/join/index?c=A' })).rejects.toMatchObject({
      errCode: 41030,
    });
  });

  it('subscribeMessage.send 与平台一样检查模板、接收人、页面和各关键词的取值（thing 不超过 20 字，time 为日期时间），通过时答复 ok', async () => {
    const message = {
      touser: 'demo-member',
      templateId: 'tmpl-activity-reminder',
      page: 'activity/detail/index?id=ACT',
      data: { thing1: { value: '重温入党誓词' }, time2: { value: '2026-11-23 11:30' } },
    };
    await expect(cloud.openapi.subscribeMessage.send(message)).resolves.toMatchObject({ errCode: 0 });
    await expect(cloud.openapi.subscribeMessage.send({ ...message, templateId: '' })).rejects.toMatchObject({ errCode: 40037 });
    await expect(cloud.openapi.subscribeMessage.send({ ...message, touser: '' })).rejects.toMatchObject({ errCode: 40003 });
    await expect(cloud.openapi.subscribeMessage.send({ ...message, page: '/activity/detail/index' })).rejects.toMatchObject({
      errCode: 41030,
    });
    await expect(cloud.openapi.subscribeMessage.send({ ...message, data: { thing1: { value: '一'.repeat(21) } } })).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringContaining('thing1'),
    });
    await expect(cloud.openapi.subscribeMessage.send({ ...message, data: { time2: { value: '明天上午' } } })).rejects.toMatchObject({
      errCode: 47003,
    });
  });

  it('没有替身的接口直接报错，不会去访问网络', () => {
    expect(() => cloud.openapi.customerServiceMessage).toThrow(/no local stand-in/);
  });
});
