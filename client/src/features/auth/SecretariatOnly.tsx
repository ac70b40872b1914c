import type { ReactNode } from 'react';
import { Paragraph } from 'suomifi-ui-components';
import { useCurrentUser } from './useCurrentUser';
import { PageHeading } from '../../components/PageHeading';

/**
 * A page of the secretariat's: anyone else, who reaches it only by its address, gets its heading and `message`
 * saying whose page it is, not a page the server would refuse piece by piece.
 */
export function SecretariatOnly({
  title,
  message,
  testId,
  children,
}: {
  title: string;
  message: string;
  testId?: string;
  children: ReactNode;
}) {
  const { user } = useCurrentUser();
  if (user?.roles.includes('SECRETARIAT')) return children;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph data-testid={testId}>{message}</Paragraph>
    </>
  );
}
