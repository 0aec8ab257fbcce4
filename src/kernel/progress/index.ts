export { type Progress, silentProgress, terminalProgress } from './progress';
