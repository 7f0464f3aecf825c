/** The console's shell (React, Ant Design, the menu and the pages), loaded by main.tsx once the first requests are under way. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Router } from './router';
import './console.css';

dayjs.locale('zh-cn');
// The page's CSP allows only <style> elements carrying this response's nonce: Ant Design stamps its own with it.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const FONTS =
  '"PingFang SC", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN} csp={{ nonce }} theme={{ token: { fontFamily: FONTS, colorPrimary: '#1456b8', borderRadius: 4 } }}>
    {/* Confirmations stay six seconds (antd's three are easy to miss while reading the form). */}
    <AntApp message={{ duration: 6, maxCount: 3 }}>
      <Router>
        <App />
      </Router>
    </AntApp>
  </ConfigProvider>,
);
