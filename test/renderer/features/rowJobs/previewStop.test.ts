/**
 * A preview can be stopped from the window: "Stop preview" asks main, and the preview that then ends
 * CANCELLED leaves no error on screen (the operator asked for it), in the bulk and the import stores.
 */
import { beforeEach, expect, it } from 'vitest'
import { useBulk } from '../../../../src/renderer/src/features/bulk/bulkStore'
import { useImport } from '../../../../src/renderer/src/features/import/importStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'
import { connectTo } from '../../support/fixtures'

let fake: FakeApi
const cancelled = { code: 'CANCELLED' as const, message: 'The preview was stopped: nothing was sent to the pool and nothing was saved.' }

beforeEach(() => {
  fake = installFakeApi()
  useBulk.setState(useBulk.getInitialState(), true)
  useImport.setState(useImport.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
  connectTo()
})

it('stops a bulk preview and shows no error for it', async () => {
  fake.succeed('bulkCancelPreview', { cancelled: true })
  fake.fail('bulkPreview', cancelled)
  useBulk.getState().openFor(['ann', 'bob'])
  const previewing = useBulk.getState().runPreview()
  expect(useBulk.getState().pending).toBe('preview')
  await useBulk.getState().cancelPreview()
  await previewing
  expect(fake.calls.bulkCancelPreview).toHaveBeenCalledTimes(1)
  expect(useBulk.getState()).toMatchObject({ pending: null, error: null, preview: null })
})

it('stops an import preview and shows no error for it, keeping what was shown', async () => {
  fake.succeed('importCancelPreview', { cancelled: true })
  fake.fail('importPreview', cancelled)
  const choosing = useImport.getState().chooseFile()
  expect(useImport.getState().pending).toBe('choose')
  await useImport.getState().cancelPreview()
  await choosing
  expect(fake.calls.importCancelPreview).toHaveBeenCalledTimes(1)
  expect(useImport.getState()).toMatchObject({ pending: null, error: null, preview: null })
})

it('still shows any other failure of a preview', async () => {
  fake.fail('bulkPreview', { code: 'USER_NOT_FOUND', message: 'No such user.' })
  useBulk.getState().openFor(['ann'])
  await useBulk.getState().runPreview()
  expect(useBulk.getState().error).toMatchObject({ code: 'USER_NOT_FOUND' })
})
