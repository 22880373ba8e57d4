import { Navigate } from 'react-router';
import { landingPath } from '../../app/navigation';
import { useViewer } from '../../app/session';

/** `/`: each role lands where its daily work is. */
export function Home() {
  return <Navigate to={landingPath(useViewer())} replace />;
}
