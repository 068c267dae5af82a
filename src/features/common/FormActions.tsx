// The end of every small form: its form-level error, then 저장 and 취소.
import { useT } from '../../i18n'
import { Button } from './Button'
import { FormError } from './FormError'

export function FormActions({ busy, error, onCancel }: { busy: boolean; error: string | undefined; onCancel: () => void }) {
  const t = useT()
  return (
    <>
      <FormError message={error} />
      <div className="ui-row">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </>
  )
}
