import '@/lib/zod-jitless';
import { render } from 'preact';
import { cardStyles } from '@/components/styles';
import workspaceCss from './workspace.css?inline';
import { App } from './app';

const style = document.createElement('style');
style.textContent = cardStyles + workspaceCss;
document.head.append(style);
render(<App />, document.getElementById('app')!);
