import { render } from 'preact';
import { cardStyles } from '@/components/styles';
import { App } from './app';

const style = document.createElement('style');
style.textContent = cardStyles;
document.head.append(style);
render(<App />, document.getElementById('app')!);
