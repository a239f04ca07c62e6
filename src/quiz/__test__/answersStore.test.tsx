import { answersFor, clearAttempt, findOpenAttempt, loadAttempt, saveAttempt, storageKey } from '../answersStore';
import { resetTaroStub, storage } from '../../components/__test__/taroStub';

jest.mock('@tarojs/taro', () => require('../../components/__test__/taroStub').taroModule);

const NOW = Date.parse('2026-11-23T08:00:00.000Z');
const saved = {
  attemptId: 'att-1',
  contestId: 'contest-yongzhou-2026',
  deadline: '2026-11-23T08:10:00.000Z',
  answers: { q1: [2], q2: [0, 3] },
  current: 4,
};

describe('作答暂存（answersStore）', () => {
  beforeEach(resetTaroStub);

  it('按 attemptId 保存后可原样恢复答案和当前题号', () => {
    saveAttempt(saved);
    expect(storage.has(storageKey('att-1'))).toBe(true);
    expect(loadAttempt('att-1')).toEqual(saved);
    expect(loadAttempt('att-2')).toBeNull();
  });

  it('每次保存覆盖上一次，恢复的是最后一次改动', () => {
    saveAttempt(saved);
    saveAttempt({ ...saved, answers: { q1: [1] }, current: 0 });
    expect(loadAttempt('att-1')?.answers).toEqual({ q1: [1] });
    expect(loadAttempt('att-1')?.current).toBe(0);
  });

  it('交卷后清除，同一 attemptId 再也恢复不到', () => {
    saveAttempt(saved);
    clearAttempt('att-1');
    expect(loadAttempt('att-1')).toBeNull();
    expect(storage.size).toBe(0);
  });

  it('被篡改或旧版本的记录不会被恢复，越界的选项下标被丢弃', () => {
    storage.set(storageKey('att-old'), { attemptId: 'att-old', answers: { q1: [0] } });
    expect(loadAttempt('att-old')).toBeNull();
    storage.set(storageKey('att-1'), { v: 1, ...saved, answers: { q1: [1], q2: ['x'], q3: [42], q4: [] }, current: -3 });
    expect(loadAttempt('att-1')).toEqual({ ...saved, answers: { q1: [1] }, current: 0 });
  });

  it('恢复时只保留本次作答的题目，单选只留一个选项，多选去重排序', () => {
    const questions = [
      { id: 'q1', type: 'single', options: ['甲', '乙', '丙'] },
      { id: 'q2', type: 'multiple', options: ['甲', '乙', '丙', '丁'] },
      { id: 'q3', type: 'judge', options: ['正确', '错误'] },
    ];
    expect(answersFor({ q1: [2, 1], q2: [3, 0, 3, 9], q3: [5], other: [0] }, questions)).toEqual({ q1: [2], q2: [0, 3] });
  });

  it('能找到本机上某竞赛未到截止时间的作答，并顺手清理已过期的记录', () => {
    saveAttempt(saved);
    saveAttempt({ ...saved, attemptId: 'att-expired', deadline: '2026-11-23T07:59:59.000Z' });
    saveAttempt({ ...saved, attemptId: 'att-other', contestId: 'contest-other' });

    expect(findOpenAttempt('contest-yongzhou-2026', NOW)?.attemptId).toBe('att-1');
    expect(storage.has(storageKey('att-expired'))).toBe(false);
    expect(storage.has(storageKey('att-other'))).toBe(true);
    expect(findOpenAttempt('contest-none', NOW)).toBeNull();
  });

  it('存储不可用时保存不会抛错，答案仍可从内存交卷', () => {
    const taro = require('@tarojs/taro').default as { setStorageSync: jest.Mock };
    taro.setStorageSync.mockImplementationOnce(() => {
      throw new Error('exceed storage max size');
    });
    expect(() => saveAttempt(saved)).not.toThrow();
  });
});
