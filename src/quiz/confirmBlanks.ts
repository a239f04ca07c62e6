import Taro from '@tarojs/taro';

/**
 * Asks before handing in with questions left blank. False when the member goes back to answer, or
 * when the dialog itself fails: handing in unasked is the one thing that cannot be undone.
 */
export async function confirmHandInWithBlanks(unanswered: number, wording: { handIn: string; goBack: string }): Promise<boolean> {
  try {
    const reply = await Taro.showModal({
      title: `确认${wording.handIn}`,
      content: `还有 ${unanswered} 题未作答，${wording.handIn}后不能修改，确定${wording.handIn}吗？`,
      confirmText: wording.handIn,
      cancelText: wording.goBack,
      confirmColor: '#C8161D',
    });
    return reply.confirm;
  } catch {
    return false;
  }
}
