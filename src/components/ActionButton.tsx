import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface ActionButtonProps {
  children: ReactNode;
  onClick: () => void;
  variant?: 'primary' | 'plain';
  size?: 'normal' | 'small';
  loading?: boolean;
  disabled?: boolean;
}

/**
 * A weui-like button; submits via onClick because `<Form onSubmit>` never fires on H5.
 * The spinner is ours, not Button's `loading`: on H5 that prop makes Taro's button insert its own icon
 * among the children React manages, and the next render throws `insertBefore … not a child of this node`.
 */
export function ActionButton({
  children,
  onClick,
  variant = 'primary',
  size = 'normal',
  loading = false,
  disabled = false,
}: ActionButtonProps) {
  return (
    <Button
      className={`ht-button ht-button--${variant} ht-button--${size}${loading ? ' ht-button--busy' : disabled ? ' ht-button--disabled' : ''}`}
      // Taro H5 renders `disabled="false"`, which its own `[disabled]` CSS treats as disabled; omit it instead.
      disabled={disabled || loading || undefined}
      aria-busy={loading || undefined}
      onClick={onClick}
    >
      {loading ? <View className='ht-button__spinner' /> : null}
      {children}
    </Button>
  );
}
