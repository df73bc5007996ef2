import { Link } from 'react-router';
import { Empty } from '../components/states.tsx';

export function NotFoundPage() {
  return (
    <Empty title="Esta página no existe">
      <Link to="/documentos" className="font-medium text-teal-800 underline">
        Ir a Documentos
      </Link>
    </Empty>
  );
}
