import '@/lib/zod-jitless';
import { render } from 'preact';
import { cardStyles } from '@/components/styles';
import savingsCss from './savings.css?inline';
import { App } from './app';

const style = document.createElement('style');
style.textContent = cardStyles + savingsCss;
document.head.append(style);
render(<App />, document.getElementById('app')!);
