import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from './ActionButton';

/** The server matches names by prefix and takes at most 20 characters. */
const MAX_SEARCH_LENGTH = 20;

/**
 * 「按姓名开头查找」 with its 查找 button: the typed text is searched only on 查找 or the keyboard's
 * search key, trimmed, and an empty search means everyone.
 */
export function NameSearch({ onSearch }: { onSearch: (search: string | undefined) => void }) {
  const [draft, setDraft] = useState('');
  const apply = () => onSearch(draft.trim().slice(0, MAX_SEARCH_LENGTH) || undefined);
  return (
    <View className='ht-name-search'>
      <Input
        className='ht-input ht-name-search__input'
        name='search'
        value={draft}
        maxlength={MAX_SEARCH_LENGTH}
        confirmType='search'
        placeholder='按姓名开头查找'
        onInput={(event) => setDraft(event.detail.value)}
        onConfirm={apply}
      />
      <ActionButton variant='plain' size='small' onClick={apply}>
        查找
      </ActionButton>
    </View>
  );
}
