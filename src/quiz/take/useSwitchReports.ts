import { useState } from 'react';
import type { AttemptAnswers } from '../../../types/contracts/quiz';
import { callFunction } from '../../services/cloud';
import { toast } from '../../utils/toast';
import { useAppLeave } from '../useAppLeave';

interface SwitchReportsOptions {
  attemptId: string;
  /** False once the attempt is handed in or its time is up. */
  enabled: boolean;
  /** The count the server already holds (a resumed attempt keeps its switches). */
  initialCount: number;
  /** Whole pace: the answers on the phone, handed in with the attempt if this switch is one too many. */
  answers: () => AttemptAnswers | undefined;
  /** The server handed the attempt in because the switches exceeded the contest's limit (the member is told why here). */
  onAutoSubmitted: () => void;
}

/**
 * Reports every 切屏 of an open attempt to the server, which counts it and may hand the attempt in.
 * The count shown goes up at once (the member may be offline) and then follows the server's figure.
 */
export function useSwitchReports({ attemptId, enabled, initialCount, answers, onAutoSubmitted }: SwitchReportsOptions): number {
  const [switchCount, setSwitchCount] = useState(initialCount);
  useAppLeave({
    enabled,
    onLeave: () => {
      setSwitchCount((count) => count + 1);
      void callFunction('quiz', 'reportSwitch', { attemptId, answers: answers() }, { silentError: true }).then((result) => {
        if (!result.ok) return;
        setSwitchCount(result.data.switchCount);
        if (!result.data.autoSubmitted) return;
        toast('切屏次数超过限制，已自动交卷');
        onAutoSubmitted();
      });
    },
  });
  return switchCount;
}
