import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  return (
    <section>
      <PageTitle title="Page not found">Page not found</PageTitle>
      <p>
        There is nothing at this address. <Link to="/">Browse the services directory</Link>.
      </p>
    </section>
  );
}
