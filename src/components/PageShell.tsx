import { View } from '@tarojs/components';
import type { ComponentType, ReactNode } from 'react';
import { useLargeFont } from '../services/largeFont';

interface GateProps {
  children: ReactNode;
}

/*
 * The demo-identity gate exists only on H5 (local gateway). Requiring it inside a build-time
 * constant branch lets webpack drop it, and its fetch/localStorage code, from the weapp bundle.
 */
const IdentityGate: ComponentType<GateProps> | null = process.env.TARO_ENV === 'h5' ? require('./IdentityGate').IdentityGate : null;
/** WeChat draws the title bar itself; the browser needs ours (H5 only, dropped from weapp the same way). */
const H5TitleBar: ComponentType | null = process.env.TARO_ENV === 'h5' ? require('./H5TitleBar').H5TitleBar : null;

interface PageShellProps {
  children: ReactNode;
}

/**
 * Every page renders inside this: it applies the theme and the 适老化 scale (CSS variables on the
 * root class) and, on H5, shows a title bar and asks for a demo identity before the page's own content mounts and loads.
 */
export function PageShell({ children }: PageShellProps) {
  const largeFont = useLargeFont();
  return (
    <View className={`ht-page${largeFont ? ' ht-page--large' : ''}`}>
      {H5TitleBar ? <H5TitleBar /> : null}
      {IdentityGate ? <IdentityGate>{children}</IdentityGate> : children}
    </View>
  );
}
