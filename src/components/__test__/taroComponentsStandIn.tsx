/**
 * Plain-DOM stand-ins for the few @tarojs/components the app uses, so component tests run in jsdom
 * without Taro's H5 runtime. Only the props the app passes are mapped.
 */
import type { ReactNode } from 'react';

interface CommonProps {
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
  role?: string;
  'aria-busy'?: boolean | 'true' | 'false';
  'aria-label'?: string;
  'aria-selected'?: boolean;
  'aria-checked'?: boolean;
}

export function View({ className, children, onClick, role, ...aria }: CommonProps & { hoverClass?: string }) {
  return (
    <div
      className={className}
      onClick={onClick}
      role={role}
      aria-busy={aria['aria-busy']}
      aria-label={aria['aria-label']}
      aria-selected={aria['aria-selected']}
      aria-checked={aria['aria-checked']}
    >
      {children}
    </div>
  );
}

export function Text({ className, children, onClick }: CommonProps) {
  return (
    <span className={className} onClick={onClick}>
      {children}
    </span>
  );
}

/** `openType` stays visible as data-open-type so a test can find the share button. */
export function Button({
  className,
  children,
  onClick,
  disabled,
  openType,
  'aria-busy': busy,
}: CommonProps & { disabled?: boolean; openType?: string }) {
  return (
    <button type='button' className={className} onClick={onClick} disabled={disabled} aria-busy={busy} data-open-type={openType}>
      {children}
    </button>
  );
}

export function Switch({
  checked,
  onChange,
  'aria-label': label,
}: {
  checked?: boolean;
  onChange?: (event: { detail: { value: boolean } }) => void;
  'aria-label'?: string;
}) {
  return (
    <input
      type='checkbox'
      role='switch'
      aria-label={label}
      checked={checked}
      onChange={(event) => onChange?.({ detail: { value: event.target.checked } })}
    />
  );
}

/** Taro's `ariaLabel` becomes the accessible name, so a test finds an image by what it shows. */
export function Image({
  className,
  src,
  ariaLabel,
  onClick,
}: {
  className?: string;
  src: string;
  ariaLabel?: string;
  onClick?: () => void;
}) {
  return <img className={className} src={src} alt={ariaLabel ?? ''} onClick={onClick} />;
}
