// Labels of a risk: its level (coloured by gravity) and the step it is at.
import { Label, type LabelProps } from '@gravity-ui/uikit';
import { RISK_LEVEL_LABELS, RISK_STATUS_LABELS, type RiskLevel, type RiskStatus } from '../../../domain/risks';
import { useI18n } from '../i18n';

const LEVEL_THEMES: Record<RiskLevel, LabelProps['theme']> = { low: 'info', medium: 'warning', high: 'danger', critical: 'danger' };

const STATUS_THEMES: Record<RiskStatus, LabelProps['theme']> = {
  detected: 'danger',
  acknowledged: 'warning',
  review: 'info',
  revision: 'warning',
  approved: 'success',
  published: 'success',
  closed: 'unknown',
};

export function RiskLevelLabel({ level }: { level: string }) {
  const { locale } = useI18n();
  const known = level as RiskLevel;
  return (
    <Label theme={LEVEL_THEMES[known] ?? 'normal'} className={`risk-level risk-level_${level}`} qa="risk-level">
      {RISK_LEVEL_LABELS[locale][known] ?? level}
    </Label>
  );
}

export function RiskStatusLabel({ status }: { status: string }) {
  const { locale } = useI18n();
  const known = status as RiskStatus;
  return <Label theme={STATUS_THEMES[known] ?? 'normal'} qa="risk-status">{RISK_STATUS_LABELS[locale][known] ?? status}</Label>;
}
