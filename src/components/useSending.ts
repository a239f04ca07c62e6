import { useRef, useState } from 'react';

/**
 * One send at a time from a form: `sending` for the button's spinner; `isSending()` read at the tap
 * (a ref, so a second tap before the re-render does nothing); `send` marks the call under way.
 */
export function useSending() {
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const isSending = () => sendingRef.current;
  const send = async <T>(call: () => Promise<T>): Promise<T> => {
    sendingRef.current = true;
    setSending(true);
    const result = await call();
    sendingRef.current = false;
    setSending(false);
    return result;
  };
  return { sending, isSending, send };
}
