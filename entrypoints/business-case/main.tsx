import '@/lib/zod-jitless';
import { render } from 'preact';
import { cardStyles } from '@/components/styles';
import { App } from './app';

const style = document.createElement('style');
style.textContent = `${cardStyles}\nbody { max-width: 44rem; margin: 0 auto; padding: var(--cl-space-4); }`;
document.head.append(style);
render(<App />, document.getElementById('app')!);
