import { mount } from 'svelte'
import App from './App.svelte'
import QuickAskApp from './QuickAskApp.svelte'
import './styles.css'

const target = document.getElementById('app')
if (!target) throw new Error('#app element missing from index.html')

// One bundle, two windows: main opens the quick-ask window on index.html#quick-ask.
const Root = location.hash === '#quick-ask' ? QuickAskApp : App

export default mount(Root, { target })
