import type { FormEvent, Ref } from 'react';
import { Heading } from 'suomifi-ui-components';
import type { SectionProps } from './Card';

/**
 * A form of a page on a card of its own (classes 'yp-form yp-card' unless `className` says others), named by its own
 * heading (aria-labelledby) as a Card is. The browser's checks are off: the form says its problems beside the fields
 * (`formRef` takes useFieldErrors' formRef). `onSubmit` runs on submit.
 */
export function CardForm({
  headingId,
  title,
  level = 'h2',
  className = 'yp-form yp-card',
  formRef,
  onSubmit,
  children,
}: Pick<SectionProps, 'headingId' | 'title' | 'level' | 'className' | 'children'> & {
  formRef?: Ref<HTMLFormElement>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => unknown;
}) {
  return (
    <form ref={formRef} className={className} onSubmit={(e) => void onSubmit(e)} aria-labelledby={headingId} noValidate>
      <Heading variant={level} id={headingId}>
        {title}
      </Heading>
      {children}
    </form>
  );
}
