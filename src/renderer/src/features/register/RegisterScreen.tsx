import './register.css'
import { useEffect } from 'react'
import { useConnection } from '../../stores/connectionStore'
import { ImportPanel } from '../import/ImportPanel'
import { ImportResumeNotice } from '../import/ImportResumeNotice'
import { useImport } from '../import/importStore'
import { RegisterUserForm } from './RegisterUserForm'

/** Registers one user with the form, or many from a CSV file with the import; the switch beside the heading chooses. */
export function RegisterScreen() {
  const fromFile = useImport((state) => state.fromFile)
  const setFromFile = useImport((state) => state.setFromFile)
  // Subscribed while the screen shows, so an import left paused or interrupted is offered at start-up,
  // and again when the app connects to another pool (each pool has its own imports).
  const userPoolId = useConnection((state) => state.status?.info?.userPoolId)
  useEffect(() => useImport.getState().subscribe(), [userPoolId])

  return (
    <div className={fromFile ? 'register-import' : undefined}>
      {/* The switch sits beside the heading, so the one-user form keeps its place in a 1024×640 window. */}
      <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
        <h1 className="h3 mb-0 me-auto">{fromFile ? 'Register users from a CSV file' : 'Register a user'}</h1>
        <div className="btn-group btn-group-sm" role="radiogroup" aria-label="How many users">
          <input type="radio" className="btn-check" name="register-how" id="register-one" checked={!fromFile} onChange={() => setFromFile(false)} />
          <label className="btn btn-outline-primary" htmlFor="register-one">
            One user
          </label>
          <input type="radio" className="btn-check" name="register-how" id="register-file" checked={fromFile} onChange={() => setFromFile(true)} />
          <label className="btn btn-outline-primary" htmlFor="register-file">
            From a CSV file
          </label>
        </div>
      </div>
      <ImportResumeNotice />
      {fromFile ? <ImportPanel /> : <RegisterUserForm />}
    </div>
  )
}
