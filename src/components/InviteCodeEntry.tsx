import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { INVITE_CODE_LENGTH, INVITE_CODE_PATTERN } from '../../types/labels';
import { ActionButton } from './ActionButton';
import { FieldErrorLine } from './FormParts';

interface InviteCodeEntryProps {
  /** Called with the code normalised (trimmed, upper case) once it has the invite code's shape. */
  onCode: (code: string) => void;
}

/** The 8-character invite code typed by hand, checked for its shape here and for its existence by the landing. */
export function InviteCodeEntry({ onCode }: InviteCodeEntryProps) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const normalised = code.trim().toUpperCase();
    if (INVITE_CODE_PATTERN.test(normalised)) onCode(normalised);
    else setError(`邀请码是 ${INVITE_CODE_LENGTH} 位字母和数字`);
  };

  return (
    <View className='ht-invite-entry'>
      <View className={`ht-field${error ? ' ht-field--error' : ''}`}>
        <Input
          className='ht-input'
          name='inviteCode'
          value={code}
          maxlength={INVITE_CODE_LENGTH}
          placeholder={`${INVITE_CODE_LENGTH} 位邀请码`}
          aria-label='邀请码'
          onInput={(event) => {
            setCode(event.detail.value);
            setError(null);
          }}
        />
        <FieldErrorLine message={error} />
      </View>
      <ActionButton onClick={submit}>用邀请码加入党支部</ActionButton>
    </View>
  );
}
