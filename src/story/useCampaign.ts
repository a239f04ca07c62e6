import { useCallback, useEffect, useState } from 'react';
import type { CampaignView } from '../../types/contracts/story';
import type { AppError } from '../../types/result';
import { callFunction } from '../services/cloud';
import type { LoadStatus } from '../services/useCloud';

const PAGE_SIZE = 50;
/** 250 campaigns: far more than an organisation runs; past that the campaign is reported missing. */
const MAX_PAGES = 5;

export interface CampaignState {
  status: LoadStatus;
  /** null when ready and not found among the campaigns the caller may see. */
  campaign: CampaignView | null;
  error: AppError | undefined;
  reload: () => void;
}

/**
 * One campaign by id. The contract has no single-campaign read: the campaigns the caller may see
 * (open and recent for members, all for org admins) are read page by page until it turns up.
 */
export function useCampaign(id: string | null): CampaignState {
  const [state, setState] = useState<Omit<CampaignState, 'reload'>>({ status: 'loading', campaign: null, error: undefined });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) {
      setState({ status: 'ready', campaign: null, error: undefined });
      return undefined;
    }
    let current = true;
    setState((previous) =>
      previous.status === 'ready' && previous.campaign?.id === id ? previous : { status: 'loading', campaign: null, error: undefined },
    );
    void (async () => {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await callFunction('story', 'campaigns', { pageSize: PAGE_SIZE, cursor }, { silentError: true });
        if (!current) return;
        if (!result.ok) {
          setState({ status: 'error', campaign: null, error: result.error });
          return;
        }
        const found = result.data.items.find((campaign) => campaign.id === id);
        if (found || result.data.nextCursor === null) {
          setState({ status: 'ready', campaign: found ?? null, error: undefined });
          return;
        }
        cursor = result.data.nextCursor;
      }
      if (current) setState({ status: 'ready', campaign: null, error: undefined });
    })();
    return () => {
      current = false;
    };
  }, [id, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...state, reload };
}
