import { render, screen, waitFor } from '@testing-library/react';
import type { QRCode as QrSymbol, QRCodeOptions, QRCodeSegment } from 'qrcode';
import taro, { resetTaroStub } from './taroStub';
import { qrModules, qrSvgPath, QUIET_ZONE } from '../qrMatrix';

jest.mock('@tarojs/taro', () => require('./taroStub').taroModule);
jest.mock('@tarojs/components', () => require('./taroComponentsStandIn'));

import { QrCode } from '../QrCode';

const { create } = require('qrcode/lib/core/qrcode') as { create: (data: string | QRCodeSegment[], options: QRCodeOptions) => QrSymbol };

const LINK = 'https://hongtu.example/c?k=act-1ABCDEFGHJKMNPQRST';

function row(modules: boolean[][], index: number, from: number, to: number): string {
  return (modules[index] ?? [])
    .slice(from, to)
    .map((dark) => (dark ? '#' : '.'))
    .join('');
}

describe('二维码模块矩阵', () => {
  it('短的大写文字是 21×21 的版本 1，三个角上是定位图形', () => {
    const modules = qrModules('HELLO WORLD');
    expect(modules).toHaveLength(21);
    expect(modules.every((line) => line.length === 21)).toBe(true);
    // Finder pattern: a dark ring, a light ring, a 3×3 dark core; then the light separator.
    expect(row(modules, 0, 0, 8)).toBe('#######.');
    expect(row(modules, 1, 0, 8)).toBe('#.....#.');
    expect(row(modules, 3, 0, 8)).toBe('#.###.#.');
    expect(row(modules, 0, 13, 21)).toBe('.#######');
    expect(row(modules, 20, 0, 8)).toBe('#######.');
    // Timing pattern between the top finders alternates, dark on even columns.
    expect(row(modules, 6, 8, 13)).toBe('#.#.#');
  });

  it('链接和中文按 UTF-8 字节编码，与库自带的字节编码逐格相同', () => {
    for (const text of [LINK, '红途 签到']) {
      const reference = create([{ mode: 'byte', data: Uint8Array.from(Buffer.from(text, 'utf8')) }], { errorCorrectionLevel: 'M' }).modules;
      const modules = qrModules(text);
      expect(modules).toHaveLength(reference.size);
      modules.forEach((line, rowIndex) => line.forEach((dark, column) => expect(dark).toBe(reference.get(rowIndex, column) === 1)));
    }
  });

  it('不同的签到码得到不同的图形', () => {
    expect(qrModules(`${LINK}X`)).not.toEqual(qrModules(`${LINK}Y`));
  });

  it('SVG 路径为每个深色模块画一个单位方块，并留出静区', () => {
    const modules = qrModules('HELLO WORLD');
    const path = qrSvgPath(modules);
    const darkCount = modules.flat().filter(Boolean).length;
    expect(path.match(/M/g)).toHaveLength(darkCount);
    expect(path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1z`)).toBe(true);
  });
});

const originalEnv = { ...process.env };
afterEach(() => {
  process.env = { ...originalEnv };
});

describe('二维码组件', () => {
  beforeEach(() => resetTaroStub());

  it('H5：画成 SVG 图片，文字换了就重画', async () => {
    process.env.TARO_ENV = 'h5';
    const { rerender } = render(<QrCode text={`${LINK}1`} size={240} label='签到码' />);
    const firstSrc = (await screen.findByRole('img', { name: '签到码' })).getAttribute('src');
    expect(firstSrc).toMatch(/^data:image\/svg\+xml,/);
    expect(screen.getByLabelText(`${LINK}1`)).toBeTruthy();

    rerender(<QrCode text={`${LINK}2`} size={240} label='签到码' />);
    await waitFor(() => expect(screen.getByRole('img', { name: '签到码' }).getAttribute('src')).not.toBe(firstSrc));
    expect(screen.getByLabelText(`${LINK}2`)).toBeTruthy();
  });

  it('微信：在离屏画布上逐个画深色模块，存成临时图片；文字换了再画一张', async () => {
    process.env.TARO_ENV = 'weapp';
    const fillRect = jest.fn();
    let drawings = 0;
    Object.assign(taro, {
      createOffscreenCanvas: jest.fn(() => ({ getContext: () => ({ fillStyle: '', fillRect }) })),
      canvasToTempFilePath: jest.fn(async () => {
        drawings += 1;
        return { tempFilePath: `wxfile://tmp/qr-${drawings}.png`, errMsg: 'canvasToTempFilePath:ok' };
      }),
    });
    const { rerender } = render(<QrCode text='HELLO WORLD' size={200} />);
    await waitFor(() => expect(screen.getByRole('img', { name: '二维码' }).getAttribute('src')).toBe('wxfile://tmp/qr-1.png'));
    // The white background, then one square per dark module.
    expect(fillRect).toHaveBeenCalledTimes(1 + qrModules('HELLO WORLD').flat().filter(Boolean).length);

    rerender(<QrCode text='HELLO AGAIN' size={200} />);
    await waitFor(() => expect(screen.getByRole('img', { name: '二维码' }).getAttribute('src')).toBe('wxfile://tmp/qr-2.png'));
  });
});
