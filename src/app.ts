import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      require('./services/wxCloudTransport').initWxCloud();
    }
  });
  return children;
}

export default App;
