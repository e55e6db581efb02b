/**
 * The Register form's extra attributes: rows are added and removed, names typed bare or with
 * "custom:" become the pool's names, and a name the pool cannot take is flagged on its row.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { ExtraAttributesEditor } from '../../../../src/renderer/src/features/register/ExtraAttributesEditor'
import { attributeRowProblems, attributesOf, type AttributeRow } from '../../../../src/renderer/src/features/register/attributeRows'
import { poolInfo } from '../../support/fixtures'

let sent: Record<string, string> | undefined

/** The editor wired as the Register screen wires it: rows in state, problems worked out from them. */
function Editor() {
  const [rows, setRows] = useState<AttributeRow[]>([])
  const pool = poolInfo()
  sent = attributesOf(rows)
  return <ExtraAttributesEditor rows={rows} onChange={setRows} pool={pool} problems={attributeRowProblems(rows, pool, false)} />
}

const attributes = () => screen.getByRole('group', { name: 'Extra attributes' })

/** Adds a row and types its name where the focus goes: the new row's name field, once it is drawn. */
async function addRow(user: ReturnType<typeof userEvent.setup>, number: number, name: string): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Add attribute' }))
  const field = screen.getByRole('textbox', { name: `Attribute name ${number}` })
  await waitFor(() => expect(field).toHaveFocus())
  await user.keyboard(name)
  return field
}

describe('the extra-attribute editor', () => {
  it('adds rows with the focus on the new name, and removes the row asked for', async () => {
    const user = userEvent.setup()
    render(<Editor />)
    expect(await addRow(user, 1, 'company')).toHaveValue('company')
    await user.type(screen.getByRole('textbox', { name: 'Attribute value 1' }), 'Acme')
    await addRow(user, 2, 'given_name')
    await user.type(screen.getByRole('textbox', { name: 'Attribute value 2' }), 'Jane')
    expect(sent).toEqual({ company: 'Acme', given_name: 'Jane' })

    await user.click(screen.getByRole('button', { name: 'Remove attribute 1' }))
    expect(screen.getAllByRole('textbox', { name: /^Attribute name/ })).toHaveLength(1)
    expect(screen.getByRole('textbox', { name: 'Attribute name 1' })).toHaveValue('given_name')
    expect(sent).toEqual({ given_name: 'Jane' })
  })

  it('marks a bare name as custom: and a standard attribute as std; a typed custom: prefix is shown once', async () => {
    const user = userEvent.setup()
    render(<Editor />)
    await addRow(user, 1, 'given_name')
    expect(within(attributes()).getByText('std')).toBeInTheDocument()

    await user.clear(screen.getByRole('textbox', { name: 'Attribute name 1' }))
    await user.paste('custom:company')
    expect(screen.getByRole('textbox', { name: 'Attribute name 1' })).toHaveValue('company')
    expect(within(attributes()).getByText('custom:')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Attribute name 1' })).toBeValid()
  })

  it('flags a malformed name and one the pool does not have, on the row itself', async () => {
    const user = userEvent.setup()
    render(<Editor />)
    const name = await addRow(user, 1, 'bad name!')
    expect(name).toBeInvalid()
    expect(name).toHaveAccessibleDescription('Attribute names are 1–20 letters, digits or underscores')

    await user.clear(name)
    await user.keyboard('nickname2')
    expect(name).toBeInvalid()
    expect(name).toHaveAccessibleDescription(/The pool has no attribute custom:nickname2/)

    await user.clear(name)
    await user.keyboard('user_tier')
    expect(name).toHaveAccessibleDescription('Set the tier with the Tier field above')
  })
})
