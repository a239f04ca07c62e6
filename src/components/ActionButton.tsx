import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

interface ActionButtonProps {
  children: ReactNode;
  onClick: () => void;
  variant?: 'primary' | 'plain';
  size?: 'normal' | 'small';
  loading?: boolean;
  disabled?: boolean;
}

/** A weui-like button; submits via onClick because `<Form onSubmit>` never fires on H5. */
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
      className={`ht-button ht-button--${variant} ht-button--${size}${disabled && !loading ? ' ht-button--disabled' : ''}`}
      // Taro H5 renders `disabled="false"`, which its own `[disabled]` CSS treats as disabled; omit it instead.
      loading={loading || undefined}
      disabled={disabled || loading || undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
