import '@/lib/zod-jitless';
import { render } from 'preact';
import { cardStyles } from '@/components/styles';
import sidepanelCss from './sidepanel.css?inline';
import { App } from './app';

const style = document.createElement('style');
style.textContent = cardStyles + sidepanelCss;
document.head.append(style);
render(<App />, document.getElementById('app')!);
