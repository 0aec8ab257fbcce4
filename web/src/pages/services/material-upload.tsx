import { Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UploadedFile, uploadMaterial } from '../../api/services';
import { uploadProblem } from './services-format';

/**
 * One material's file as a form control: choosing a file uploads it at once (PDF, JPEG or PNG, ≤ 10 MB; the server
 * also sniffs the content) and the value becomes the stored file, whose hash the application cites.
 */
export function MaterialUpload({
  value,
  onChange,
  testId,
}: {
  value?: UploadedFile;
  onChange?: (file: UploadedFile | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div data-testid={testId}>
      <Upload
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        showUploadList={false}
        maxCount={1}
        customRequest={() => undefined}
        beforeUpload={(file) => {
          const problem = uploadProblem(file);
          if (problem) {
            setError(t(`services.apply.uploadProblems.${problem}`));
            return Upload.LIST_IGNORE;
          }
          setBusy(true);
          setError(null);
          uploadMaterial(file)
            .then((stored) => onChange?.(stored))
            .catch((cause: Error) => setError(cause.message))
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button loading={busy}>
          {value ? t('services.apply.replaceFile') : t('services.apply.chooseFile')}
        </Button>
      </Upload>
      {value && (
        <Typography.Text
          type="success"
          style={{ display: 'block', wordBreak: 'break-all' }}
          data-testid="uploaded-file"
        >
          ✓ {value.fileName} · {Math.ceil(value.size / 1024)} KB
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" style={{ display: 'block' }} data-testid="upload-error">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
