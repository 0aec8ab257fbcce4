export {
  AppError,
  conflict,
  type ErrorBody,
  type ErrorDetail,
  forbidden,
  invalid,
  notFound,
} from './app-error';
export { type Language, languageFrom, type MessageKey, translate } from './messages';
