// What a web team writes around the script tag (see the README).
/* global otklik -- the command queue the SDK reads (defined on the next line) */
window.otklik = window.otklik || function () { (otklik.q = otklik.q || []).push(arguments) }

var page = document.body.getAttribute('data-demo-page')
var start = document.getElementById('start')
if (start) start.addEventListener('click', function () {
  otklik('journey', 'start', { lifeSituation: 'birth-of-child', service: 'birth-registration' })
})
var form = document.getElementById('application')
if (form) form.addEventListener('submit', function (event) {
  var region = document.getElementById('region')
  var error = document.getElementById('region-error')
  if (region.value) return
  event.preventDefault()
  error.textContent = error.getAttribute('data-message')
  region.setAttribute('aria-invalid', 'true')
  region.focus()
  otklik('error', { code: 'region-missing' })
})
// The confirmation page ends the journey; the survey follows.
if (page === 'done') otklik('complete')
