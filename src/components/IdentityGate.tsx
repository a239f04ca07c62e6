import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { fetchDemoIdentities, getOpenid, setOpenid, subscribeOpenid, type DemoIdentity } from '../services/identity';
import { Cell } from './Cell';
import { Section } from './Section';

function useOpenid(): string | null {
  return useSyncExternalStore(subscribeOpenid, getOpenid, getOpenid);
}

/** Lists the gateway's demo identities; choosing one stores it and lets every page load as that person. */
export function IdentityPicker() {
  const [state, setState] = useState<{ status: 'loading' | 'error' | 'ready'; identities: DemoIdentity[] }>({
    status: 'loading',
    identities: [],
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading', identities: [] });
    fetchDemoIdentities().then(
      (identities) => {
        if (!cancelled) setState({ status: 'ready', identities });
      },
      () => {
        if (!cancelled) setState({ status: 'error', identities: [] });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);

  return (
    <View className='ht-identity-picker'>
      <View className='ht-banner'>
        <Text className='ht-banner__title'>本地演示：选择身份</Text>
        <Text className='ht-banner__subtitle'>仅本地演示环境需要选择；正式小程序由微信自动识别身份。</Text>
      </View>
      <Section
        title='演示身份'
        status={state.status}
        isEmpty={state.identities.length === 0}
        emptyTitle='本地网关没有提供演示身份'
        emptyDescription='请先运行 npm run seed 载入演示数据'
        errorMessage='无法连接本地网关，请确认已运行 npm start'
        onRetry={retry}
      >
        {state.identities.map((identity) => (
          // The label says who the person is; a role beside it would call the stranger 党员.
          <Cell key={identity.openid} title={`${identity.label}（${identity.openid}）`} onClick={() => setOpenid(identity.openid)} />
        ))}
      </Section>
    </View>
  );
}

interface IdentityGateProps {
  children: ReactNode;
}

export function IdentityGate({ children }: IdentityGateProps) {
  const openid = useOpenid();
  return openid ? <>{children}</> : <IdentityPicker />;
}

/** The 我的 entry that forgets the demo identity, which brings every page back to the picker. */
export function DemoIdentityCell() {
  const openid = useOpenid();
  return <Cell title='切换身份（本地演示）' value={openid ?? undefined} onClick={() => setOpenid(null)} />;
}
