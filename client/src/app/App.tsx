import { Route, Routes } from 'react-router';
import { DirectoryPage } from '../features/directory/DirectoryPage';

export function App() {
  return (
    <>
      <header><h1>Seller Leads Pool</h1></header>
      <main>
        <Routes>
          <Route path="/" element={<DirectoryPage />} />
        </Routes>
      </main>
    </>
  );
}
